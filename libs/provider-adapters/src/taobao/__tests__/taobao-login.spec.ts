import type { Page } from 'puppeteer-core';

import { PASSWORD, startSandboxFixture, type SandboxFixture } from '../../../test/sandbox-fixture';
import { withJob } from '../../adapter/provider-adapter';
import type { LoginEvent, LoginStream } from '../../login/login-stream.types';

jest.setTimeout(90_000);

interface Box {
  x: number;
  y: number;
  left: number;
  right: number;
}

describe('TaobaoAdapter popup login through the stream (against a live Sandbox)', () => {
  let fixture: SandboxFixture;

  beforeAll(async () => {
    fixture = await startSandboxFixture();
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  /**
   * Where elements sit on a page, measured in a separate context of the same size: the test's
   * stand-in for an operator looking at the streamed frames.
   */
  async function boxes(
    url: string,
    selectors: string[],
    prepare?: (page: Page) => Promise<void>,
  ): Promise<Record<string, Box>> {
    const probe = await fixture.pool.acquire('probe');
    try {
      return await probe.step('measure', async (page) => {
        await page.goto(url);
        await prepare?.(page);
        const result: Record<string, Box> = {};
        for (const selector of selectors) {
          const box = await (await page.$(selector))?.boundingBox();
          if (!box) {
            throw new Error(`${selector} is not on ${page.url()}`);
          }
          result[selector] = {
            x: box.x + box.width / 2,
            y: box.y + box.height / 2,
            left: box.x + 2,
            right: box.x + box.width - 2,
          };
        }

        return result;
      });
    } finally {
      await probe.release();
    }
  }

  function record(stream: LoginStream): LoginEvent[] {
    const events: LoginEvent[] = [];
    stream.onEvent((event) => events.push(event));

    return events;
  }

  async function until(condition: () => boolean): Promise<void> {
    while (!condition()) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function typePassword(
    stream: LoginStream,
    login: string | null,
    form: Record<string, Box>,
  ) {
    if (login !== null) {
      await stream.sendInput({ type: 'click', ...at(form['#fm-login-id']) });
      await stream.sendInput({ type: 'text', text: login });
    }
    await stream.sendInput({ type: 'click', ...at(form['#fm-login-password']) });
    await stream.sendInput({ type: 'text', text: PASSWORD });
    await stream.sendInput({ type: 'click', ...at(form['#fm-login-submit']) });
  }

  const loginForm = ['#fm-login-id', '#fm-login-password', '#fm-login-submit'];

  it('should log in with a password: frames out, clicks and text in, cookies captured', async () => {
    const sut = fixture.taobao();
    const stream = await sut.startLogin({ accountId: 'sandbox_buyer', login: 'sandbox_buyer' });
    const events = record(stream);
    const form = await boxes(stream.currentUrl(), loginForm);

    const frame = await stream.frames().next();
    await typePassword(stream, 'sandbox_buyer', form);
    const outcome = await stream.outcome;
    await stream.close();

    expect(frame.value?.jpeg.length).toBeGreaterThan(1_000);
    expect(stream.pageSize).toEqual({ width: 1280, height: 800 });
    expect(events.map((event) => event.type)).toEqual(['logged_in']);
    expect(outcome).toMatchObject({ ok: true, nickname: 'sandbox_buyer' });
    if (!outcome.ok) {
      return;
    }
    expect(outcome.session.cookies.map((cookie) => cookie.name)).toEqual(
      expect.arrayContaining(['unb', 'dnk', '_tb_token_']),
    );
    const check = await withJob(
      sut,
      { accountId: 'sandbox_buyer', login: 'sandbox_buyer', session: outcome.session },
      (job) => job.checkSession(),
    );
    expect(check).toEqual({ loggedIn: true, nickname: 'sandbox_buyer' });
  });

  it('should finish at once when the stored session is still logged in', async () => {
    const session = await fixture.logIn('sandbox_buyer');
    const stream = await fixture
      .taobao()
      .startLogin({ accountId: 'sandbox_buyer', login: 'sandbox_buyer', session });

    const outcome = await stream.outcome;
    await stream.close();

    expect(outcome).toMatchObject({ ok: true, nickname: 'sandbox_buyer' });
  });

  it('should show the SMS challenge and log in once the code is typed', async () => {
    const stream = await fixture.taobao().startLogin({ accountId: 'sms', login: 'sms_buyer' });
    const events = record(stream);
    await typePassword(stream, 'sms_buyer', await boxes(stream.currentUrl(), loginForm));
    await until(() => events.length > 0);

    const smsPage = await boxes(stream.currentUrl(), [
      '#J_GetCode',
      '#J_Checkcode',
      '#J_SubmitCode',
    ]);
    await stream.sendInput({ type: 'click', ...at(smsPage['#J_GetCode']) });
    const code = await waitForSms(fixture, 'sms_buyer');
    await stream.sendInput({ type: 'click', ...at(smsPage['#J_Checkcode']) });
    await stream.sendInput({ type: 'text', text: code });
    await stream.sendInput({ type: 'key', action: 'press', key: 'Enter' });
    const outcome = await stream.outcome;
    await stream.close();

    expect(events.map((event) => event.type)).toEqual(['challenge_shown', 'logged_in']);
    expect(events[0]).toEqual({ type: 'challenge_shown', kind: 'sms' });
    expect(outcome).toMatchObject({ ok: true, nickname: 'sms_buyer' });
  });

  it('should show the QR challenge and log in once the phone confirms', async () => {
    const stream = await fixture.taobao().startLogin({ accountId: 'qr', login: 'qr_buyer' });
    const events = record(stream);
    await typePassword(stream, 'qr_buyer', await boxes(stream.currentUrl(), loginForm));
    await until(() => events.length > 0);

    await fixture.sandbox.control.confirmQr('qr_buyer', 'scan');
    await fixture.sandbox.control.confirmQr('qr_buyer', 'confirm');
    const outcome = await stream.outcome;
    await stream.close();

    expect(events[0]).toEqual({ type: 'challenge_shown', kind: 'qr' });
    expect(outcome).toMatchObject({ ok: true, nickname: 'qr_buyer' });
  });

  it('should show the slider, pass a dragged slider and log in', async () => {
    const stream = await fixture
      .taobao()
      .startLogin({ accountId: 'slider', login: 'slider_buyer' });
    const events = record(stream);
    const form = await boxes(stream.currentUrl(), loginForm);
    await typePassword(stream, 'slider_buyer', form);
    await until(() => events.length > 0);

    // The slider page answers a POST, so the probe reaches it through the form as well.
    const slider = await boxes(
      `${fixture.sandbox.url}/member/login.jhtml`,
      ['#nc_1_n1z', '#nc_1_n1t', ...loginForm],
      async (page) => {
        await page.type('#fm-login-id', 'slider_buyer');
        await page.type('#fm-login-password', PASSWORD);
        await Promise.all([page.waitForNavigation(), page.click('#fm-login-submit')]);
      },
    );
    const handle = slider['#nc_1_n1z']!;
    const trackEnd = slider['#nc_1_n1t']!.right;
    await stream.sendInput({ type: 'mouse', action: 'down', x: handle.x, y: handle.y });
    for (let step = 1; step <= 8; step += 1) {
      const x = handle.x + ((trackEnd - handle.x) * step) / 8;
      await stream.sendInput({ type: 'mouse', action: 'move', x, y: handle.y, button: 'left' });
    }
    await stream.sendInput({ type: 'mouse', action: 'up', x: trackEnd, y: handle.y });
    // The page script posts the drag to the site and stores its token; an operator, too, waits
    // for the green tick before typing the password again.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await typePassword(stream, null, slider);
    const outcome = await stream.outcome;
    await stream.close();

    expect(events[0]).toEqual({ type: 'challenge_shown', kind: 'slider' });
    expect(outcome).toMatchObject({ ok: true, nickname: 'slider_buyer' });
  });

  it('should forward the wheel and report a failing login submit as failed', async () => {
    await fixture.sandbox.control.fault({ step: 'login.submit', mode: 'fail' });
    const stream = await fixture.taobao().startLogin({ accountId: 'f', login: 'sandbox_buyer' });
    const events = record(stream);

    await stream.sendInput({ type: 'wheel', x: 400, y: 300, deltaX: 0, deltaY: 120 });
    await typePassword(stream, 'sandbox_buyer', await boxes(stream.currentUrl(), loginForm));
    const outcome = await stream.outcome;
    await stream.close();

    expect(outcome).toEqual({ ok: false, reason: expect.stringContaining('SYSTEM_ERROR') });
    expect(events).toEqual([{ type: 'failed', reason: expect.stringContaining('系统繁忙') }]);
  });
});

function at(box: Box | undefined): { x: number; y: number } {
  if (!box) {
    throw new Error('element was not measured');
  }

  return { x: box.x, y: box.y };
}

async function waitForSms(fixture: SandboxFixture, login: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const code = await fixture.sandbox.control.smsCode(login).catch(() => null);
    if (code) {
      return code;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  throw new Error(`no SMS code was sent to ${login}`);
}
