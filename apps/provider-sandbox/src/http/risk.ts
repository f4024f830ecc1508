import type { NextFunction, Request, Response } from 'express';

import type { SandboxState } from '../state/store';
import { locals, wantsJson } from './context';

const EXEMPT_PREFIXES = ['/_____tmd_____', '/member/', '/newlogin/', '/iv/', '/qrcode', '/img/'];

function isPageView(req: Request): boolean {
  return (
    req.method === 'GET' &&
    !req.path.endsWith('.do') &&
    !wantsJson(req) &&
    !EXEMPT_PREFIXES.some((prefix) => req.path.startsWith(prefix))
  );
}

// Risk control: an armed or drawn interception sends a page view to the punish page, whose
// slider sets `x5sec` and returns the browser where it was going.
export function riskMiddleware(state: SandboxState) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isPageView(req)) {
      next();

      return;
    }

    const login = locals(res).account?.login ?? null;
    const arm = state.riskArms.find(
      (candidate) => candidate.login === null || candidate.login === login,
    );
    let intercept = false;
    if (arm) {
      arm.times -= 1;
      if (arm.times <= 0) state.riskArms.splice(state.riskArms.indexOf(arm), 1);
      intercept = true;
    } else {
      intercept = state.random.chance(state.config.punishRate);
    }
    if (!intercept) {
      next();

      return;
    }

    const x5secdata = state.token('x5');
    state.ncTokens.set(x5secdata, { verified: false, token: null });
    const back = encodeURIComponent(req.originalUrl);
    res.redirect(302, `/_____tmd_____/punish?x5secdata=${x5secdata}&x5step=1&redirectURL=${back}`);
  };
}
