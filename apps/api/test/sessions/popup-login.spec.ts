import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ActivityDto, ProviderSessionDto } from '@autobuy/contracts';

import { ProviderAccess } from '../../src/sessions/provider-access';
import { ProviderAdapters } from '../../src/sessions/provider-adapters';
import { SessionChecker } from '../../src/sessions/session-checker';
import { startTestApp, type TestApp } from '../support/test-app';
import { LOGIN_FORM, measure, typePassword } from './support/login-page';
import { type Box, Popup } from './support/popup';
import { SANDBOX_PASSWORD, type Sandbox, startSandbox } from '../support/sandbox';

jest.setTimeout(120_000);

describe('provider sessions against a live Sandbox in Chromium', () => {
  let sandbox: Sandbox;
  let app: TestApp;
  let url: string;
  let admin: string;
  let logs = '';
  const popups: Popup[] = [];
  const restoreWrites: (() => void)[] = [];

  // Everything the app logs, to prove no cookie value ever reaches the logs.
  function captureLogs(): void {
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
        logs += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');

        return original(chunk, ...rest);
      }) as typeof stream.write;
      restoreWrites.push(() => {
        stream.write = original;
      });
    }
  }

  const popup = async (cookie = admin): Promise<Popup> => {
    const opened = new Popup(url, cookie);
    popups.push(opened);
    await opened.connected();

    return opened;
  };

  const pool = () => app.running.app.get(ProviderAdapters).browserPool();

  async function addAccount(provider: string, login: string, apiKey?: string): Promise<string> {
    const response = await app.http
      .post('/api/v1/accounts')
      .set('Cookie', admin)
      .send({ provider, login, ...(apiKey ? { apiKey } : {}) })
      .expect(201);

    return response.body.id as string;
  }

  async function startLogin(cookie = admin): Promise<string> {
    const response = await app.http
      .post('/api/v1/sessions')
      .set('Cookie', cookie)
      .send({ provider: 'sandbox' })
      .expect(202);

    return response.body.activityId as string;
  }

  async function activity(id: string): Promise<ActivityDto> {
    for (;;) {
      const response = await app.http.get(`/api/v1/activities/${id}`).set('Cookie', admin);
      const found = (response.body.activity ?? response.body) as ActivityDto;
      if (['succeeded', 'failed', 'aborted', 'cancelled'].includes(found.state)) {
        return found;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function passwordLogin(window: Popup, activityId: string, login: string): Promise<void> {
    const form = await measure(pool(), sandbox.url, LOGIN_FORM);
    await typePassword(window, activityId, form, login);
  }

  async function sessions(): Promise<ProviderSessionDto[]> {
    const response = await app.http.get('/api/v1/sessions').set('Cookie', admin).expect(200);

    return response.body as ProviderSessionDto[];
  }

  beforeAll(async () => {
    sandbox = await startSandbox();
    captureLogs();
    app = await startTestApp({
      config: {
        sandboxUrl: sandbox.url,
        kitmallUrl: `${sandbox.url}/kitmall/api/v1`,
        vaultKeys: [randomBytes(32).toString('base64')],
        logLevels: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
      },
    });
    url = app.running.url ?? '';
    admin = await app.login();
  });

  afterEach(() => {
    for (const window of popups.splice(0)) {
      window.close();
    }
  });

  afterAll(async () => {
    await app?.close();
    await sandbox?.stop();
    for (const restore of restoreWrites) {
      restore();
    }
  });

  it('should log in with a password through the popup and show the session', async () => {
    const accountId = await addAccount('sandbox', 'sandbox_buyer');
    const window = await popup();
    const activityId = await startLogin();

    const ack = await window.attach(activityId);
    expect(ack).toEqual({ ok: true, width: 1280, height: 800 });
    const frame = await window.firstFrame(activityId);
    expect(Buffer.from(frame.data, 'base64').length).toBeGreaterThan(1_000);
    await passwordLogin(window, activityId, 'sandbox_buyer');

    const status = await window.status(activityId, 'logged_in');
    expect(status).toMatchObject({ nickname: 'sandbox_buyer', sessionId: expect.any(String) });
    expect((await activity(activityId)).state).toBe('succeeded');
    expect(await sessions()).toEqual([
      expect.objectContaining({
        id: status.sessionId,
        provider: 'sandbox',
        accountId,
        accountLogin: 'sandbox_buyer',
        nickname: 'sandbox_buyer',
        state: 'active',
      }),
    ]);
    expect(window.sessionUpdates.map((u) => u.session.id)).toContain(status.sessionId);

    // The workflows get a working session out of the vault.
    const access = app.running.app.get(ProviderAccess);
    const { access: account } = await access.accountAccess({ accountId });
    expect(account.session?.cookies.map((c) => c.name)).toEqual(
      expect.arrayContaining(['unb', '_tb_token_']),
    );
  });

  it('should keep cookie values out of the database file and the logs', async () => {
    const [session] = await sessions();
    const { access } = await app.running.app.get(ProviderAccess).accountAccess(session?.id ?? '');
    // The nickname cookie (dnk) repeats the account's login, which is no secret.
    const cookies = (access.session?.cookies ?? []).filter(
      (cookie) => cookie.value.length >= 8 && cookie.value !== access.login,
    );
    expect(cookies.map((cookie) => cookie.name)).toContain('cookie2');
    const secrets = cookies.map((cookie) => cookie.value);

    // The WAL and shared-memory files hold recent writes too.
    const files = readdirSync(app.config.dataDir).filter((f) => f.startsWith('autobuy.sqlite'));
    const bytes = files.map((f) => readFileSync(join(app.config.dataDir, f)).toString('latin1'));
    for (const secret of secrets) {
      expect(bytes.some((content) => content.includes(secret))).toBe(false);
      expect(logs.includes(secret)).toBe(false);
    }
    expect(logs).toContain('Provider session');
  });

  it('should log in an SMS account with the code typed into the popup', async () => {
    await addAccount('sandbox', 'sms_buyer');
    const window = await popup();
    const activityId = await startLogin();
    expect((await window.attach(activityId)).ok).toBe(true);
    const validate = await measure(
      pool(),
      sandbox.url,
      ['#J_GetCode', '#J_Checkcode', '#J_SubmitCode'],
      'sms_buyer',
    );

    await passwordLogin(window, activityId, 'sms_buyer');
    expect(await window.status(activityId, 'challenge')).toMatchObject({ kind: 'sms' });
    const code = await requestSmsCode(window, activityId, validate['#J_GetCode'] as Box);
    await window.click(activityId, validate['#J_Checkcode'] as Box);
    await window.type(activityId, code);
    await window.click(activityId, validate['#J_SubmitCode'] as Box);

    expect(await window.status(activityId, 'logged_in')).toMatchObject({ nickname: 'sms_buyer' });
    expect((await sessions()).map((s) => s.nickname).sort()).toEqual([
      'sandbox_buyer',
      'sms_buyer',
    ]);
  });

  /**
   * Presses "send code" until the phone receives one, as an operator would press it again when
   * nothing arrives (a press right after the page appeared can land before its script is ready).
   */
  async function requestSmsCode(window: Popup, activityId: string, button: Box): Promise<string> {
    const sentAt = async () =>
      (
        await sandbox
          .control<{ sentAtMs: number }>('GET', '/phone/sms?login=sms_buyer')
          .catch(() => ({ sentAtMs: 0 }))
      ).sentAtMs;
    const before = await sentAt();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await window.click(activityId, button);
      for (let poll = 0; poll < 20; poll += 1) {
        if ((await sentAt()) !== before) {
          return sandbox.smsCode('sms_buyer');
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    throw new Error('The Sandbox sent no SMS code after ten presses of the send button');
  }

  it('should refuse a login whose nickname is not on the account list', async () => {
    await sandbox.control('POST', '/accounts', {
      login: 'stranger_buyer',
      password: SANDBOX_PASSWORD,
      challenge: 'none',
    });
    const window = await popup();
    const activityId = await startLogin();
    expect((await window.attach(activityId)).ok).toBe(true);
    await passwordLogin(window, activityId, 'stranger_buyer');

    const status = await window.status(activityId, 'failed');
    expect(status.reason).toMatch(/stranger_buyer is not on the sandbox account list/);
    const ended = await activity(activityId);
    expect(ended).toMatchObject({ state: 'failed' });
    expect(ended.reason).toMatch(/not on the sandbox account list/);
    expect((await sessions()).map((s) => s.nickname)).not.toContain('stranger_buyer');
  });

  it('should let only the operator who started the login attach and send input', async () => {
    await app.http
      .post('/api/v1/operators')
      .set('Cookie', admin)
      .send({ login: 'second_operator', password: 'second-operator-password', role: 'operator' })
      .expect(201);
    const other = await popup(await app.login('second_operator', 'second-operator-password'));
    const owner = await popup();
    const activityId = await startLogin();

    expect(await other.attach(activityId)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await other.send(activityId, { type: 'text', text: 'intruder' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await owner.attach(activityId)).toMatchObject({ ok: true });
    expect(await owner.send(activityId, { type: 'text', text: '' })).toEqual({ ok: true });
    expect(await owner.send(activityId, { type: 'mouse', x: 'a' } as never)).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    expect(other.frames).toEqual([]);

    // Cancelling closes the login page at once instead of leaving it open for minutes.
    await app.http
      .post(`/api/v1/activities/${activityId}/cancel`)
      .set('Cookie', admin)
      .expect((response) => expect(response.status).toBeLessThan(300));
    expect(await owner.status(activityId, 'failed')).toMatchObject({
      reason: 'The operator cancelled the login',
    });
    expect(['aborted', 'cancelled']).toContain((await activity(activityId)).state);
  });

  it('should mark a session the provider ended as expired at the periodic check', async () => {
    const watcher = await popup();
    const before = (await sessions()).find((s) => s.nickname === 'sandbox_buyer');
    await sandbox.control('POST', '/sessions/expire', { login: 'sandbox_buyer' });

    const outcomes = await app.running.app.get(SessionChecker).checkAll();

    expect(outcomes[before?.id ?? '']).toBe('expired');
    const after = (await sessions()).find((s) => s.id === before?.id);
    expect(after).toMatchObject({
      state: 'expired',
      stateReason: expect.stringMatching(/log in again/),
    });
    const active = await app.running.app.get(ProviderAccess).activeSessions('sandbox');
    expect(active.map((s) => s.id)).not.toContain(before?.id);
    await expect(
      app.running.app.get(ProviderAccess).accountAccess(before?.id ?? ''),
    ).rejects.toMatchObject({ code: 'session_expired', message: /sandbox_buyer/ });
    for (;;) {
      if (watcher.sessionUpdates.some((u) => u.session.state === 'expired')) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it('should create a Kitmall session by checking the API key', async () => {
    await app.http
      .patch('/api/v1/providers/kitmall')
      .set('Cookie', admin)
      .send({ enabled: true })
      .expect(200);
    const good = await addAccount('kitmall', 'kitmall_buyer', 'kitmall-demo-key');
    const bad = await addAccount('kitmall', 'kitmall_other', 'not-a-real-key');

    const created = await app.http
      .post('/api/v1/sessions')
      .set('Cookie', admin)
      .send({ provider: 'kitmall', accountId: good })
      .expect(201);
    expect(created.body).toMatchObject({ provider: 'kitmall', accountId: good, state: 'active' });
    const refused = await app.http
      .post('/api/v1/sessions')
      .set('Cookie', admin)
      .send({ provider: 'kitmall', accountId: bad })
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'api_key_invalid', message: /kitmall_other/ });
    const missing = await app.http
      .post('/api/v1/sessions')
      .set('Cookie', admin)
      .send({ provider: 'kitmall' })
      .expect(400);
    expect(missing.body.code).toBe('validation_failed');

    const { access } = await app.running.app.get(ProviderAccess).accountAccess({ accountId: good });
    expect(access.apiKey).toBe('kitmall-demo-key');
  });

  it('should forget the cookies when an operator deletes a session', async () => {
    const sms = (await sessions()).find((s) => s.nickname === 'sms_buyer');
    await app.http.delete(`/api/v1/sessions/${sms?.id}`).set('Cookie', admin).expect(204);

    expect((await sessions()).map((s) => s.id)).not.toContain(sms?.id);
    await expect(
      app.running.app.get(ProviderAccess).accountAccess(sms?.id ?? ''),
    ).rejects.toMatchObject({ code: 'session_expired' });
    await app.http
      .delete('/api/v1/sessions/00000000-0000-4000-8000-000000000000')
      .set('Cookie', admin)
      .expect(404);
  });
});
