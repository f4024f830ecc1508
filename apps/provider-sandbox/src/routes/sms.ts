import { Router, type Response } from 'express';

import { ProviderError, TEXTS } from '../state/errors';
import { param, sendProviderError } from '../http/context';
import type { SandboxRuntime } from '../http/runtime';
import { logIn } from '../http/visitor';
import { layout } from '../views/html';
import { smsPageBody } from '../views/login-pages';
import { smsSendScript } from '../views/scripts';

const expired = () => new ProviderError('PAGE_EXPIRED', TEXTS.pageExpired);

function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

// The SMS identity check: send a code to the account's phone, then check what the buyer typed.
export function smsRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  const renderSms = (res: Response, token: string, error: string | null) => {
    const pending = state.verifications.get(token)!;
    const mobile = maskMobile(state.accounts.get(pending.login)?.mobile ?? '');
    res.type('html').send(
      layout({
        title: '安全验证',
        nick: null,
        body: smsPageBody(token, mobile, error),
        script: smsSendScript(token),
      }),
    );
  };

  router.get('/iv/normal_validate.htm', (req, res) => {
    const token = param(req, 'token') ?? '';
    if (!state.verifications.has(token)) {
      sendProviderError(req, res, expired(), false);

      return;
    }
    renderSms(res, token, null);
  });

  router.post('/newlogin/sms/send.do', (req, res) => {
    const pending = state.verifications.get(param(req, 'token') ?? '');
    if (!pending) {
      sendProviderError(req, res, expired(), true);

      return;
    }
    pending.code = String(state.random.int(100000, 999999));
    pending.sentAtMs = state.now();
    state.smsOutbox.push({ login: pending.login, code: pending.code, sentAtMs: pending.sentAtMs });
    res.json({
      success: true,
      mobile: maskMobile(state.accounts.get(pending.login)?.mobile ?? ''),
    });
  });

  router.post('/iv/normal_validate.do', (req, res) => {
    const token = param(req, 'token') ?? '';
    const pending = state.verifications.get(token);
    const account = pending ? state.accounts.get(pending.login) : undefined;
    if (!pending || !account) {
      sendProviderError(req, res, expired(), false);

      return;
    }
    if (pending.code === null || pending.code !== (param(req, 'checkCode') ?? '').trim()) {
      renderSms(res, token, '验证码错误，请重新输入');

      return;
    }
    state.verifications.delete(token);
    logIn(state, res, account);
    res.redirect(302, pending.redirectURL);
  });

  return router;
}
