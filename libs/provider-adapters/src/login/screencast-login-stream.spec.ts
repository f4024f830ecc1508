import { startLocalServer, type LocalServer } from '../../test/local-http-server';
import { BrowserPool } from '../browser/browser-pool';
import { InvalidRequestError } from '../errors/provider-errors';
import type { LoginEvent } from './login-stream.types';
import { ScreencastLoginStream, type LoginStateReader } from './screencast-login-stream';

jest.setTimeout(60_000);

// Fixed positions so the test can click like an operator looking at the frames would.
const LOGIN_PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
  input, button { position: absolute; left: 100px; width: 200px; height: 40px; }
</style></head><body>
<form method="get" action="/submit">
  <input id="name" name="name" style="top: 100px">
  <button id="go" style="top: 200px">登录</button>
</form></body></html>`;

const SMS_PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<form method="get" action="/sms"><input id="sms-code" name="code" autofocus
  style="position:absolute;left:100px;top:100px;width:200px;height:40px"></form></body></html>`;

describe(ScreencastLoginStream.name, () => {
  let server: LocalServer;
  let pool: BrowserPool;
  let pendingName = '';

  const readState: LoginStateReader = async (page, context) => {
    const cookies = await context.context.cookies();
    const unb = cookies.find((cookie) => cookie.name === 'unb');
    const nick = cookies.find((cookie) => cookie.name === 'dnk');
    if (unb && nick) {
      return { state: 'logged_in', nickname: decodeURIComponent(nick.value) };
    }
    if (await page.$('#sms-code')) {
      return { state: 'challenge', kind: 'sms' };
    }

    return { state: 'form' };
  };

  beforeAll(async () => {
    server = await startLocalServer({
      '/login': (_req, res) => {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(LOGIN_PAGE);
      },
      '/submit': (req, res) => {
        pendingName = new URL(req.url ?? '', server.url).searchParams.get('name') ?? '';
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(SMS_PAGE);
      },
      '/animated': (_req, res) => {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(`<html><body><div id="n">0</div><script>
          let n = 0;
          const tick = () => { document.getElementById('n').textContent = String(++n);
            requestAnimationFrame(tick); };
          requestAnimationFrame(tick);
        </script></body></html>`);
      },
      '/sms': (req, res) => {
        const code = new URL(req.url ?? '', server.url).searchParams.get('code');
        if (code === '123456') {
          res.setHeader('Set-Cookie', [
            'unb=2200; Path=/',
            `dnk=${encodeURIComponent(pendingName)}; Path=/`,
          ]);
        }
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end('<html><body>欢迎</body></html>');
      },
    });
    pool = new BrowserPool({ size: 1 });
  });

  afterAll(async () => {
    await pool.close();
    await server.close();
  });

  it('should stream frames, forward clicks, keys and Chinese text, and hand back the session', async () => {
    const context = await pool.acquire('account-a');
    const sut = await ScreencastLoginStream.open(context, {
      loginUrl: `${server.url}/login`,
      readState,
      pollMs: 100,
    });
    const events: LoginEvent['type'][] = [];
    sut.onEvent((event) => events.push(event.type));

    const firstFrame = await sut.frames().next();
    await sut.sendInput({ type: 'click', x: 150, y: 120 });
    await sut.sendInput({ type: 'text', text: '张三' });
    await sut.sendInput({ type: 'click', x: 150, y: 220 });
    await waitFor(() => events.includes('challenge_shown'));
    await sut.sendInput({ type: 'text', text: '123456' });
    await sut.sendInput({ type: 'key', action: 'press', key: 'Enter' });
    const outcome = await sut.outcome;
    await sut.close();

    expect(firstFrame.done).toBe(false);
    expect(firstFrame.value?.jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(sut.pageSize).toEqual({ width: 1280, height: 800 });
    expect(events).toEqual(['challenge_shown', 'logged_in']);
    expect(outcome.ok && outcome.nickname).toBe('张三');
    expect(outcome.ok && outcome.session.cookies.map((cookie) => cookie.name).sort()).toEqual([
      'dnk',
      'unb',
    ]);
  });

  it('should hand a slow consumer the newest frame, skipping the ones it missed', async () => {
    const context = await pool.acquire('account-c');
    const sut = await ScreencastLoginStream.open(context, {
      loginUrl: `${server.url}/animated`,
      readState: async () => ({ state: 'form' }),
    });
    const frames = sut.frames();

    const first = (await frames.next()).value;
    // Chromium sends the next frame only after the previous one was acknowledged, so frames
    // keep arriving while this consumer is busy elsewhere.
    await waitFor(() => (sut.latestFrame()?.sequence ?? 0) >= (first?.sequence ?? 0) + 3);
    const newestWhenAsked = sut.latestFrame()!.sequence;
    const next = (await frames.next()).value;
    await sut.close();

    expect(next!.sequence).toBeGreaterThanOrEqual(newestWhenAsked);
    expect(next!.sequence - first!.sequence).toBeGreaterThanOrEqual(3);
  });

  it('should refuse an unknown key and report the closed login as failed', async () => {
    const context = await pool.acquire('account-b');
    const sut = await ScreencastLoginStream.open(context, {
      loginUrl: `${server.url}/login`,
      readState,
    });

    const refusal = await sut
      .sendInput({ type: 'key', action: 'press', key: 'NoSuchKey' })
      .catch((error: unknown) => error);
    await sut.close();
    const frames = sut.frames();
    await frames.next();

    expect(refusal).toBeInstanceOf(InvalidRequestError);
    expect(await sut.outcome).toEqual({ ok: false, reason: expect.stringMatching(/closed/) });
    expect((await frames.next()).done).toBe(true);
    expect(context.isReleased).toBe(true);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
