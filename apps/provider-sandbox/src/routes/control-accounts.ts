import { Router, type Request } from 'express';

import { badRequest, parseChallenge, parseDealLimit } from '../state/control-input';
import { ProviderError } from '../state/errors';
import { phoneAct, type PhoneAction } from '../state/qr';
import type { SandboxRuntime } from '../http/runtime';

type Body = Record<string, unknown>;
const body = (req: Request): Body => (req.body ?? {}) as Body;
const PHONE_ACTIONS: PhoneAction[] = ['scan', 'confirm', 'cancel'];

// Buyer accounts, their sessions, and the buyer's phone (SMS codes, QR scans).
export function controlAccountRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  const accountView = (login: string) => {
    // Everything but the password.
    const { userId, mobile, challenge, dealLimit, apiKey, defaultAddress } =
      state.accounts.get(login)!;

    return { login, userId, mobile, challenge, dealLimit, apiKey, defaultAddress };
  };

  router.get('/accounts', (_req, res) => {
    res.json({ accounts: [...state.accounts.keys()].map(accountView) });
  });

  router.post('/accounts', (req, res) => {
    const input = body(req);
    const login = input['login'];
    if (typeof login !== 'string' || !/^[\w\u4e00-\u9fa5-]{2,32}$/u.test(login)) {
      throw badRequest('login must be 2–32 letters, digits, _ or -');
    }
    if (state.accounts.has(login))
      throw new ProviderError('CONFLICT', `account ${login} exists`, null, 409);
    const apiKey = input['apiKey'];
    if (
      apiKey !== undefined &&
      (typeof apiKey !== 'string' || apiKey === '' || state.accountByApiKey(apiKey))
    ) {
      throw badRequest('apiKey must be a new non-empty string');
    }
    const password = input['password'] ?? 'sandbox123';
    if (typeof password !== 'string' || password === '')
      throw badRequest('password must be a non-empty string');
    const userId = state.nextUserId();
    state.accounts.set(login, {
      login,
      password,
      userId,
      mobile: `139${userId.slice(-8)}`,
      challenge: parseChallenge(input['challenge'], 'none'),
      dealLimit: parseDealLimit(input['dealLimit'], 20),
      apiKey: (apiKey as string | undefined) ?? null,
      defaultAddress: null,
    });
    res.status(201).json(accountView(login));
  });

  router.patch('/accounts/:login', (req, res) => {
    const account = state.accounts.get(String(req.params['login']));
    if (!account) throw new ProviderError('NOT_FOUND', 'no such account', null, 404);
    const input = body(req);
    if (
      input['password'] !== undefined &&
      (typeof input['password'] !== 'string' || input['password'] === '')
    ) {
      throw badRequest('password must be a non-empty string');
    }
    const challenge = parseChallenge(input['challenge'], account.challenge);
    const dealLimit = parseDealLimit(input['dealLimit'], account.dealLimit);
    account.challenge = challenge;
    account.dealLimit = dealLimit;
    if (typeof input['password'] === 'string') account.password = input['password'];
    res.json(accountView(account.login));
  });

  router.get('/sessions', (_req, res) => {
    const sessions = [...state.sessions.values()].filter((session) => session.login !== null);
    res.json({
      sessions: sessions.map((s) => ({
        login: s.login,
        loginAtMs: s.loginAtMs,
        lastSeenMs: s.lastSeenMs,
      })),
    });
  });

  router.post('/sessions/expire', (req, res) => {
    const login = body(req)['login'];
    if (typeof login !== 'string' || !state.accounts.has(login))
      throw badRequest('login must name an account');
    let expired = 0;
    for (const session of state.sessions.values()) {
      if (session.login === login) {
        session.login = null;
        expired += 1;
      }
    }
    res.json({ ok: true, expired });
  });

  router.get('/phone/sms', (req, res) => {
    const login = String(req.query['login'] ?? '');
    const message = state.smsOutbox.filter((sms) => sms.login === login).at(-1);
    if (!message) throw new ProviderError('NOT_FOUND', `no SMS sent to ${login}`, null, 404);
    res.json(message);
  });

  router.post('/phone/qr', (req, res) => {
    const input = body(req);
    const action = input['action'] ?? 'confirm';
    if (!PHONE_ACTIONS.includes(action as PhoneAction))
      throw badRequest('action must be scan, confirm or cancel');
    if (typeof input['login'] !== 'string') throw badRequest('login is required');
    const t = typeof input['t'] === 'string' ? input['t'] : null;
    const qr = phoneAct(state, input['login'], t, action as PhoneAction);
    res.json({ ok: true, t: qr.t, status: qr.status });
  });

  return router;
}
