import { useSandbox } from './support/buyer-client';

describe('login and sessions', () => {
  const t = useSandbox();

  it('should give an anonymous visitor cookie2 but no unb', async () => {
    const buyer = t.buyer();
    const page = await buyer.get('/member/login.jhtml');

    expect(page.text).toContain('id="fm-login-id"');
    expect(page.text).toContain('id="fm-login-password"');
    expect(buyer.cookies.has('cookie2')).toBe(true);
    expect(buyer.cookies.has('unb')).toBe(false);
  });

  it('should log in with a password and set unb, the nickname and the CSRF token', async () => {
    const buyer = t.buyer();
    const reply = await buyer.request('POST', '/newlogin/login.do', {
      loginId: 'sandbox_buyer',
      password: 'sandbox123',
      redirectURL: '/cart',
    });

    expect(reply.status).toBe(302);
    expect(reply.location).toBe('/cart');
    expect(buyer.cookies.get('unb')).toBe('3300000001');
    expect(buyer.cookies.get('dnk')).toBe('sandbox_buyer');
    expect(buyer.cookies.get('__nk__')).toBe('sandbox_buyer');
    expect(buyer.token).not.toBe('');
    expect((await buyer.get('/member/session_info.do')).json).toMatchObject({
      isLogin: true,
      nick: 'sandbox_buyer',
    });
  });

  it('should refuse a wrong password with the provider text and no login', async () => {
    const buyer = t.buyer();
    const reply = await buyer.login('sandbox_buyer', 'wrong');

    expect(reply.status).toBe(200);
    expect(reply.text).toContain('账号名或登录密码不正确');
    expect(buyer.cookies.has('unb')).toBe(false);
  });

  it('should never redirect off the Sandbox after login', async () => {
    const buyer = t.buyer();
    const reply = await buyer.request('POST', '/newlogin/login.do', {
      loginId: 'sandbox_buyer',
      password: 'sandbox123',
      redirectURL: 'https://evil.example/',
    });

    expect(reply.location).toBe('/my_taobao.htm');
  });

  it('should ask sms_buyer for an SMS code and log in with the code the phone received', async () => {
    const buyer = t.buyer();
    const first = await buyer.login('sms_buyer');
    const token = new URL(first.location!, 'http://x').searchParams.get('token')!;
    const page = await buyer.get(first.location!);
    await buyer.request('POST', '/newlogin/sms/send.do', { token });
    const sms = await t.control.get('/phone/sms?login=sms_buyer');
    const wrong = await buyer.request('POST', '/iv/normal_validate.do', {
      token,
      checkCode: '000000',
    });
    const right = await buyer.request('POST', '/iv/normal_validate.do', {
      token,
      checkCode: sms.json.code,
    });

    expect(first.location).toMatch(/^\/iv\/normal_validate\.htm\?token=/);
    expect(page.text).toContain('id="J_GetCode"');
    expect(sms.json.code).toMatch(/^\d{6}$/);
    expect(wrong.text).toContain('验证码错误，请重新输入');
    expect(right.status).toBe(302);
    expect(buyer.cookies.get('dnk')).toBe('sms_buyer');
  });

  it('should log qr_buyer in once the phone confirms the QR code', async () => {
    const buyer = t.buyer();
    const first = await buyer.login('qr_buyer');
    const t1 = new URL(first.location!, 'http://x').searchParams.get('t')!;
    const fresh = await buyer.get(`/newlogin/qrcode/query.do?t=${t1}`);
    const stranger = await t.control.post('/phone/qr', {
      login: 'sandbox_buyer',
      t: t1,
      action: 'confirm',
    });
    await t.control.post('/phone/qr', { login: 'qr_buyer', action: 'scan' });
    const scanned = await buyer.get(`/newlogin/qrcode/query.do?t=${t1}`);
    await t.control.post('/phone/qr', { login: 'qr_buyer', action: 'confirm' });
    const confirmed = await buyer.get(`/newlogin/qrcode/query.do?t=${t1}`);

    expect(fresh.json.status).toBe('NEW');
    expect(stranger.status).toBe(409);
    expect(scanned.json.status).toBe('SCANED');
    expect(confirmed.json).toMatchObject({ status: 'CONFIRMED', redirectUrl: '/my_taobao.htm' });
    expect(buyer.cookies.get('dnk')).toBe('qr_buyer');
  });

  it('should let any account confirm an unbound code through the phone confirm page', async () => {
    const buyer = t.buyer();
    const generated = await buyer.get('/newlogin/qrcode/generate.do');
    const phone = t.buyer();
    await phone.request('POST', '/qrcodeCheck.do', {
      lgToken: generated.json.t,
      login: 'slider_buyer',
      action: 'confirm',
    });
    const polled = await buyer.get(`/newlogin/qrcode/query.do?t=${generated.json.t}`);

    expect(generated.json.codeContent).toContain('/qrcodeCheck.htm?lgToken=');
    expect(polled.json.status).toBe('CONFIRMED');
    expect(buyer.cookies.get('dnk')).toBe('slider_buyer');
  });

  it('should expire a QR code after qrExpiryMs and cancel one the phone cancels', async () => {
    const buyer = t.buyer();
    const a = (await buyer.get('/newlogin/qrcode/generate.do')).json.t;
    const b = (await buyer.get('/newlogin/qrcode/generate.do')).json.t;
    await t.control.post('/phone/qr', { login: 'sandbox_buyer', t: b, action: 'cancel' });
    await t.control.post('/clock/advance', { ms: 121_000 });

    expect((await buyer.get(`/newlogin/qrcode/query.do?t=${a}`)).json.status).toBe('EXPIRED');
    expect((await buyer.get(`/newlogin/qrcode/query.do?t=${b}`)).json.status).toBe('CANCELED');
  });

  it('should demand the slider from slider_buyer and accept the password with a passed slider token', async () => {
    const buyer = t.buyer();
    const first = await buyer.login('slider_buyer');
    const ncSessionId = /id="nc_session_id" name="ncSessionId" value="([^"]+)"/.exec(
      first.text,
    )![1];
    const jump = await buyer.request('POST', '/newlogin/nc/verify.do', {
      ncSessionId,
      trackWidth: 260,
      trace: [
        [0, 0, 0],
        [260, 0, 5],
      ],
    });
    const trace = [0, 40, 90, 140, 190, 230, 260].map((x, i) => [x, 10, i * 30]);
    const drag = await buyer.request('POST', '/newlogin/nc/verify.do', {
      ncSessionId,
      trackWidth: 260,
      trace,
    });
    const second = await buyer.request('POST', '/newlogin/login.do', {
      loginId: 'slider_buyer',
      password: 'sandbox123',
      ncToken: drag.json.ncToken,
    });

    expect(first.text).toContain('id="nc_1_n1z"');
    expect(first.text).toContain('data-code="NC_REQUIRED"');
    expect(jump.json).toMatchObject({ success: false, msg: '哎呀，出错了，点击刷新再来一次' });
    expect(second.status).toBe(302);
    expect(buyer.cookies.get('dnk')).toBe('slider_buyer');
  });

  it('should end a session after the idle lifetime and send pages to the login page', async () => {
    const buyer = await t.loggedIn();
    await t.control.post('/config', { sessionIdleMs: 60_000 });
    await t.control.post('/clock/advance', { ms: 30_000 });
    const stillIn = await buyer.get('/cart');
    await t.control.post('/clock/advance', { ms: 61_000 });
    const page = await buyer.get('/cart');
    const json = await buyer.get('/trade/itemlist/asyncBought.htm');

    expect(stillIn.status).toBe(200);
    expect(page.status).toBe(302);
    expect(page.location).toBe('/member/login.jhtml?redirectURL=%2Fcart');
    expect(buyer.cookies.has('unb')).toBe(false);
    expect(json.json).toEqual({
      success: false,
      code: 'FAIL_SYS_SESSION_EXPIRED',
      msg: 'Session过期',
    });
  });

  it('should end a session after the absolute lifetime even when it is used', async () => {
    const buyer = await t.loggedIn();
    await t.control.post('/config', { sessionAbsoluteMs: 100_000, sessionIdleMs: 60_000 });
    for (let step = 0; step < 3; step += 1) {
      await t.control.post('/clock/advance', { ms: 40_000 });
      await buyer.get('/member/session_info.do');
    }

    expect((await buyer.get('/member/session_info.do')).json.isLogin).toBe(false);
  });

  it('should expire a session on demand and require unb as proof', async () => {
    const buyer = await t.loggedIn();
    const other = await t.loggedIn();
    other.cookies.delete('unb');
    await t.control.post('/sessions/expire', { login: 'sandbox_buyer' });

    expect((await buyer.get('/member/session_info.do')).json.isLogin).toBe(false);
    expect((await other.get('/member/session_info.do')).json.isLogin).toBe(false);
  });

  it('should send a page view to the risk-control page and come back after the slider', async () => {
    const buyer = await t.loggedIn();
    await t.control.post('/risk', { login: 'sandbox_buyer' });
    const intercepted = await buyer.get('/cart');
    const punish = await buyer.get(intercepted.location!);
    const x5secdata = new URL(intercepted.location!, 'http://x').searchParams.get('x5secdata')!;
    const trace = [0, 40, 90, 140, 190, 230, 260].map((x, i) => [x, 10, i * 30]);
    const passed = await buyer.request('POST', `/_____tmd_____/verify.do?redirectURL=%2Fcart`, {
      ncSessionId: x5secdata,
      trace,
    });
    const after = await buyer.get('/cart');

    expect(intercepted.location).toMatch(/^\/_____tmd_____\/punish\?x5secdata=/);
    expect(punish.text).toContain('id="nocaptcha"');
    expect(passed.json).toEqual({ success: true, redirectURL: '/cart' });
    expect(buyer.cookies.has('x5sec')).toBe(true);
    expect(after.status).toBe(200);
  });

  it('should log out', async () => {
    const buyer = await t.loggedIn();
    await buyer.get('/member/logout.jhtml');

    expect((await buyer.get('/member/session_info.do')).json.isLogin).toBe(false);
  });
});
