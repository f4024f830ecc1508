import { Router } from 'express';

import { isHumanDrag } from '../state/slider';
import { nickOf, param } from '../http/context';
import { safeRedirect } from '../http/redirect';
import type { SandboxRuntime } from '../http/runtime';
import { layout } from '../views/html';
import { sliderOnlyBody } from '../views/login-pages';
import { sliderScript } from '../views/scripts';

// The slider ("nc") check, on the login page and on the risk-control page.
export function sliderRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  router.post('/newlogin/nc/verify.do', (req, res) => {
    const id = param(req, 'ncSessionId') ?? '';
    const entry = state.ncTokens.get(id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!entry || !isHumanDrag(body['trace'], body['trackWidth'])) {
      res.json({ success: false, code: 'NC_FAILED', msg: '哎呀，出错了，点击刷新再来一次' });

      return;
    }
    entry.verified = true;
    entry.token = state.token('nct');
    res.json({ success: true, ncToken: entry.token });
  });

  router.get('/_____tmd_____/punish', (req, res) => {
    const x5secdata = param(req, 'x5secdata') ?? '';
    if (!state.ncTokens.has(x5secdata))
      state.ncTokens.set(x5secdata, { verified: false, token: null });
    const redirectURL = safeRedirect(req, param(req, 'redirectURL'));
    const verifyUrl = `/_____tmd_____/verify.do?redirectURL=${encodeURIComponent(redirectURL)}`;
    res.type('html').send(
      layout({
        title: '验证码拦截',
        nick: nickOf(res),
        body: `<div id="J_Punish">${sliderOnlyBody('亲，请拖动下方滑块完成验证', x5secdata)}</div>`,
        script: sliderScript(verifyUrl, 'function (d) { window.location.href = d.redirectURL; }'),
      }),
    );
  });

  router.post('/_____tmd_____/verify.do', (req, res) => {
    const entry = state.ncTokens.get(param(req, 'ncSessionId') ?? '');
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!entry || !isHumanDrag(body['trace'], body['trackWidth'])) {
      res.json({ success: false, code: 'NC_FAILED', msg: '哎呀，出错了，点击刷新再来一次' });

      return;
    }
    state.ncTokens.delete(param(req, 'ncSessionId') ?? '');
    res.cookie('x5sec', state.token('x5s'), { path: '/', httpOnly: true });
    res.json({ success: true, redirectURL: safeRedirect(req, param(req, 'redirectURL')) });
  });
  return router;
}
