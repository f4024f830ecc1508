import type { NextFunction, Request, Response } from 'express';

import { sweepAutoClose } from '../state/orders';
import type { SandboxState } from '../state/store';
import type { Account, Session } from '../state/types';
import type { BuyerLocals } from './context';

const LOGIN_COOKIES = ['unb', 'dnk', '__nk__', '_tb_token_'];

export function clearLoginCookies(res: Response): void {
  for (const name of LOGIN_COOKIES) res.clearCookie(name, { path: '/' });
}

export function setLoginCookies(res: Response, session: Session, account: Account): void {
  const options = { path: '/', sameSite: 'lax' as const };
  res.cookie('unb', account.userId, { ...options, httpOnly: true });
  res.cookie('dnk', account.login, options);
  res.cookie('__nk__', account.login, options);
  res.cookie('_tb_token_', session.csrfToken, options);
}

// Turns a visitor's session into a login, with a fresh CSRF token.
export function logIn(state: SandboxState, res: Response, account: Account): void {
  const session = (res.locals as BuyerLocals).session;
  session.login = account.login;
  session.csrfToken = state.token('');
  session.loginAtMs = state.now();
  session.lastSeenMs = state.now();
  setLoginCookies(res, session, account);
  (res.locals as BuyerLocals).account = account;
  res.locals['accountLogin'] = account.login;
}

function sessionAlive(state: SandboxState, session: Session): boolean {
  const now = state.now();

  return (
    now - session.lastSeenMs <= state.config.sessionIdleMs &&
    now - session.loginAtMs <= state.config.sessionAbsoluteMs
  );
}

// Every buyer request: a `cookie2` visitor session (anonymous visitors get one too), the
// logged-in account when `unb` matches a live session, and the lazy auto-close of orders.
export function visitorMiddleware(state: SandboxState) {
  return (req: Request, res: Response, next: NextFunction) => {
    sweepAutoClose(state);

    const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
    let session = cookies['cookie2'] ? state.sessions.get(cookies['cookie2']) : undefined;
    if (!session) {
      session = {
        id: state.token(''),
        login: null,
        csrfToken: state.token(''),
        loginAtMs: 0,
        lastSeenMs: 0,
      };
      state.sessions.set(session.id, session);
      res.cookie('cookie2', session.id, { path: '/', httpOnly: true, sameSite: 'lax' });
    }

    let account: Account | null = null;
    let sessionEnded = false;
    if (session.login) {
      const candidate = state.accounts.get(session.login);
      if (candidate && cookies['unb'] === candidate.userId && sessionAlive(state, session)) {
        account = candidate;
        session.lastSeenMs = state.now();
      } else {
        session.login = null;
        sessionEnded = true;
        clearLoginCookies(res);
      }
    } else if (cookies['unb']) {
      sessionEnded = true;
      clearLoginCookies(res);
    }

    const buyer: BuyerLocals = { session, account, sessionEnded };
    Object.assign(res.locals, buyer);
    res.locals['accountLogin'] = account?.login;
    next();
  };
}
