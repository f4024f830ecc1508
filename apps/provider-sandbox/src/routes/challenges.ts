import { Router } from 'express';

import { ProviderError, TEXTS } from '../state/errors';
import { createQr, currentQr, phoneAct, type PhoneAction } from '../state/qr';
import { isHumanDrag } from '../state/slider';
import { nickOf, param, sendProviderError } from '../http/context';
import { safeRedirect } from '../http/redirect';
import type { SandboxRuntime } from '../http/runtime';
import { logIn } from '../http/visitor';
import { layout } from '../views/html';
import { qrConfirmBody, qrPageBody, sliderOnlyBody, smsPageBody } from '../views/login-pages';
import { qrPollScript, sliderScript, smsSendScript } from '../views/scripts';

const expired = () => new ProviderError('PAGE_EXPIRED', TEXTS.pageExpired);

function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

// The second steps of a login: SMS code, QR code and the slider, plus the risk-control page.
export function challengeRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  const renderSms = (res: import('express').Response, token: string, error: string | null) => {
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
