import { Router, type Request, type Response } from 'express';

import { TEXTS } from '../state/errors';
import { createQr } from '../state/qr';
import type { Account } from '../state/types';
import { locals, nickOf, param } from '../http/context';
import { applyFault } from '../http/faults';
import { safeRedirect } from '../http/redirect';
import type { SandboxRuntime } from '../http/runtime';
import { clearLoginCookies, logIn } from '../http/visitor';
import { embedJson, escapeHtml, layout } from '../views/html';
import { loginPageBody } from '../views/login-pages';
import { sliderScript } from '../views/scripts';

function renderLogin(
  req: Request,
  res: Response,
  input: { loginId?: string; error?: { code: string; text: string }; ncSessionId?: string },
): void {
  const body = loginPageBody({
    redirectURL: safeRedirect(req, param(req, 'redirectURL')),
    loginId: input.loginId ?? '',
    error: input.error ?? null,
    ncSessionId: input.ncSessionId ?? null,
  });
  const script = input.ncSessionId
    ? sliderScript(
        '/newlogin/nc/verify.do',
        "function (d) { document.getElementById('nc_token').value = d.ncToken; }",
      )
    : undefined;
  res.type('html').send(layout({ title: '淘宝网 - 淘！我喜欢', nick: nickOf(res), body, script }));
}

export function loginRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  router.get('/member/login.jhtml', (req, res) => renderLogin(req, res, {}));

  router.post('/newlogin/login.do', (req, res) => {
    if (applyFault(runtime, req, res, 'login.submit', param(req, 'loginId') ?? null, false)) return;

    const loginId = (param(req, 'loginId') ?? '').trim();
    const account = state.accounts.get(loginId);
    if (!account || account.password !== param(req, 'password')) {
      renderLogin(req, res, { loginId, error: { code: 'LOGIN_FAILED', text: TEXTS.loginFailed } });

      return;
    }

    const ncToken = param(req, 'ncToken');
    const sliderPassed = [...state.ncTokens.entries()].some(
      ([, entry]) => entry.verified && ncToken !== undefined && entry.token === ncToken,
    );
    if (sliderPassed) {
      for (const [id, entry] of state.ncTokens)
        if (entry.token === ncToken) state.ncTokens.delete(id);
    } else if (account.challenge === 'slider' || state.random.chance(state.config.sliderRate)) {
      const ncSessionId = state.token('nc');
      state.ncTokens.set(ncSessionId, { verified: false, token: null });
      renderLogin(req, res, {
        loginId,
        ncSessionId,
        error: { code: 'NC_REQUIRED', text: '请拖动滑块完成验证' },
      });

      return;
    }

    finishPasswordLogin(runtime, req, res, account);
  });

  router.get('/my_taobao.htm', (req, res) => {
    const account = locals(res).account;
    if (!account) {
      res.redirect(302, `/member/login.jhtml?redirectURL=${encodeURIComponent(req.originalUrl)}`);

      return;
    }
    res.type('html').send(
      layout({
        title: '我的淘宝',
        nick: account.login,
        body: `<h2>我的淘宝</h2><p>您好，<span class="J_MyNick">${escapeHtml(account.login)}</span></p>`,
      }),
    );
  });

  router.get('/member/session_info.do', (_req, res) => {
    const account = locals(res).account;
    res.json({
      success: true,
      isLogin: account !== null,
      nick: account?.login ?? null,
      unb: account?.userId ?? null,
    });
  });

  router.get('/member/logout.jhtml', (_req, res) => {
    locals(res).session.login = null;
    clearLoginCookies(res);
    res.redirect(302, '/member/login.jhtml');
  });

  router.get('/', (_req, res) => {
    const items = [...state.catalogue.items.values()].slice(0, 12);
    const isLogin = nickOf(res) !== null;
    const list = items
      .map(
        (item) =>
          `<li><a class="J_ItemLink" href="/item.htm?id=${item.itemId}">
${escapeHtml(item.title)}</a></li>`,
      )
      .join('');
    res.type('html').send(
      layout({
        title: '淘宝网 - 淘！我喜欢',
        nick: nickOf(res),
        body: `<h2>沙盒淘宝</h2><ul>${list}</ul>${embedJson('J_HomeData', { isLogin })}`,
      }),
    );
  });

  return router;
}

// The password was right: log in now, or send the browser to the account's second step.
function finishPasswordLogin(
  runtime: SandboxRuntime,
  req: Request,
  res: Response,
  account: Account,
): void {
  const state = runtime.state;
  const redirectURL = safeRedirect(req, param(req, 'redirectURL'));

  if (account.challenge === 'sms' || state.random.chance(state.config.smsRate)) {
    const token = state.token('iv');
    state.verifications.set(token, {
      token,
      login: account.login,
      redirectURL,
      code: null,
      sentAtMs: null,
    });
    res.redirect(302, `/iv/normal_validate.htm?token=${token}`);

    return;
  }
  if (account.challenge === 'qr') {
    const qr = createQr(state, account.login, redirectURL);
    res.redirect(
      302,
      `/newlogin/qrcode/login.htm?t=${qr.t}&redirectURL=${encodeURIComponent(redirectURL)}`,
    );

    return;
  }

  logIn(state, res, account);
  res.redirect(302, redirectURL);
}
