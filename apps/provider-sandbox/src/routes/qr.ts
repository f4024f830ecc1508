import { Router } from 'express';

import { ProviderError } from '../state/errors';
import { createQr, currentQr, phoneAct, type PhoneAction } from '../state/qr';
import { nickOf, param } from '../http/context';
import { safeRedirect } from '../http/redirect';
import type { SandboxRuntime } from '../http/runtime';
import { logIn } from '../http/visitor';
import { layout } from '../views/html';
import { qrConfirmBody, qrPageBody } from '../views/login-pages';
import { qrPollScript } from '../views/scripts';

// QR login: the page shows a code and polls it; the phone (confirm page or control API) scans
// and confirms it, and the first poll that sees the confirmation logs the browser in.
export function qrRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  router.get('/newlogin/qrcode/login.htm', (req, res) => {
    const redirectURL = safeRedirect(req, param(req, 'redirectURL'));
    const requested = param(req, 't');
    const previous = state.qrCodes.get(param(req, 'refresh') ?? '');
    const qr =
      (requested ? state.qrCodes.get(requested) : undefined) ??
      createQr(state, previous?.boundLogin ?? null, previous?.redirectURL ?? redirectURL);
    res.type('html').send(
      layout({
        title: '扫码登录',
        nick: nickOf(res),
        body: qrPageBody(qr.t, qr.redirectURL),
        script: qrPollScript(qr.t),
      }),
    );
  });

  router.get('/newlogin/qrcode/generate.do', (req, res) => {
    const qr = createQr(state, null, safeRedirect(req, param(req, 'redirectURL')));
    const codeContent = `${req.protocol}://${req.get('host')}/qrcodeCheck.htm?lgToken=${qr.t}`;
    res.json({
      success: true,
      t: qr.t,
      codeContent,
      expireAtMs: qr.createdAtMs + state.config.qrExpiryMs,
    });
  });

  router.get('/newlogin/qrcode/query.do', (req, res) => {
    const qr = currentQr(state, param(req, 't') ?? '');
    if (!qr) {
      res.json({ success: false, code: 'QR_NOT_FOUND', msg: '二维码不存在', status: 'EXPIRED' });

      return;
    }
    const account = qr.scannedBy ? state.accounts.get(qr.scannedBy) : undefined;
    if (qr.status === 'CONFIRMED' && account) {
      if (!qr.consumed) {
        qr.consumed = true;
        logIn(state, res, account);
      }
      res.json({ success: true, t: qr.t, status: qr.status, redirectUrl: qr.redirectURL });

      return;
    }
    res.json({ success: true, t: qr.t, status: qr.status });
  });

  router.get('/qrcodeCheck.htm', (req, res) => {
    const qr = state.qrCodes.get(param(req, 'lgToken') ?? '');
    const body = qr
      ? qrConfirmBody(qr.t, qr.boundLogin ?? '', null)
      : '<p id="J_QrMessage">二维码不存在</p>';
    res.type('html').send(layout({ title: '手机淘宝', nick: null, body }));
  });

  router.post('/qrcodeCheck.do', (req, res) => {
    const t = param(req, 'lgToken') ?? '';
    const action = param(req, 'action') as PhoneAction | undefined;
    const login = param(req, 'login') ?? '';
    let message: string;
    try {
      const qr = phoneAct(
        state,
        login,
        t,
        action === 'scan' || action === 'cancel' ? action : 'confirm',
      );
      message = {
        NEW: '',
        SCANED: '已扫码',
        CONFIRMED: '已确认登录',
        EXPIRED: '',
        CANCELED: '已取消',
      }[qr.status];
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      message = error.text;
    }
    res
      .type('html')
      .send(layout({ title: '手机淘宝', nick: null, body: qrConfirmBody(t, login, message) }));
  });

  return router;
}
