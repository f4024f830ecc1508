import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { startLocalServer, type LocalServer } from '../../test/local-http-server';
import { BrowserUnavailableError, ProviderTimeoutError } from '../errors/provider-errors';
import { BrowserPool } from './browser-pool';
import { resolveChromiumPath } from './chromium-path';

jest.setTimeout(60_000);

describe(BrowserPool.name, () => {
  let server: LocalServer;
  let sut: BrowserPool;

  beforeAll(async () => {
    server = await startLocalServer({
      '/login': (_req, res) => {
        res.setHeader('Set-Cookie', 'unb=42; Path=/; Max-Age=3600');
        res.end('<html><body>logged in</body></html>');
      },
      '/whoami': (req, res) => {
        res.end(`<html><body id="who">${req.headers.cookie ?? 'anonymous'}</body></html>`);
      },
      // Never answers, so a step waiting for it must hit its timeout.
      '/hang': () => undefined,
    });
  });

  afterEach(async () => {
    await sut?.close();
  });

  afterAll(async () => {
    await server.close();
  });

  async function readWho(pool: BrowserPool, accountId: string, session = null as never) {
    const context = await pool.acquire(accountId, session);
    try {
      return await context.step('read who', async (page) => {
        await page.goto(`${server.url}/whoami`);

        return page.$eval('#who', (element) => element.textContent);
      });
    } finally {
      await context.release();
    }
  }

  it('should keep the cookies of one account away from another account', async () => {
    sut = new BrowserPool({ size: 1 });
    const first = await sut.acquire('account-a');
    await first.step('log in', async (page) => {
      await page.goto(`${server.url}/login`);
    });

    const otherWho = await readWho(sut, 'account-b');
    const ownWho = await first.step('read who', async (page) => {
      await page.goto(`${server.url}/whoami`);

      return page.$eval('#who', (element) => element.textContent);
    });
    await first.release();

    expect(otherWho).toBe('anonymous');
    expect(ownWho).toBe('unb=42');
    expect(sut.browsers()).toHaveLength(1);
  });

  it('should rebuild a logged-in context from a stored snapshot, localStorage included', async () => {
    sut = new BrowserPool({ size: 1 });
    const original = await sut.acquire('account-a');
    await original.step('log in', async (page) => {
      await page.goto(`${server.url}/login`);
      await page.evaluate(() => localStorage.setItem('lang', 'zh-CN'));
    });
    const snapshot = await original.snapshot();
    await original.release();

    const restored = await sut.acquire('account-a', snapshot);
    const seen = await restored.step('read', async (page) => {
      await page.goto(`${server.url}/whoami`);

      return {
        who: await page.$eval('#who', (element) => element.textContent),
        lang: await page.evaluate(() => localStorage.getItem('lang')),
      };
    });
    await restored.release();

    expect(snapshot.cookies.map((cookie) => cookie.name)).toEqual(['unb']);
    expect(seen).toEqual({ who: 'unb=42', lang: 'zh-CN' });
  });

  it('should run steps started together on the one page of the job', async () => {
    sut = new BrowserPool({ size: 1 });
    const context = await sut.acquire('account-a');
    const pages = await Promise.all(
      [1, 2, 3, 4].map((n) => context.step(`read ${n}`, async (page) => page)),
    );
    const open = await context.context.pages();
    await context.release();

    expect(new Set(pages).size).toBe(1);
    expect(open).toHaveLength(1);
  });

  it('should start browsers up to its size when warmed, before any job', async () => {
    sut = new BrowserPool({ size: 2 });
    await sut.warm();
    await sut.warm();

    expect(sut.browsers()).toHaveLength(2);
  });

  it('should hand a job a context opened ahead, holding only its own session', async () => {
    sut = new BrowserPool({ size: 1, spareContexts: 2 });
    await sut.warm();
    expect(sut.spareCount).toBe(2);

    const logged = await sut.acquire('account-a');
    await logged.step('log in', async (page) => {
      await page.goto(`${server.url}/login`);
    });
    const stored = await logged.snapshot();
    const pagesOfSpare = await logged.context.pages();
    await logged.release();
    const ownWho = await readWho(sut, 'account-a', stored as never);
    const otherWho = await readWho(sut, 'account-b');

    // The spare's blank page became the job's page: no second page was opened for it.
    expect(pagesOfSpare).toHaveLength(1);
    expect(ownWho).toBe('unb=42');
    expect(otherWho).toBe('anonymous');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sut.spareCount).toBe(2);
  });

  it('should leave no Chromium running when the process owning the pool is killed', async () => {
    const owner = spawn(
      process.execPath,
      ['-r', join(__dirname, '../../../../scripts/ts-register.cjs'), OWNER_SCRIPT],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const firstLine = await new Promise<string>((resolve) =>
      createInterface({ input: owner.stdout! }).once('line', resolve),
    );
    const browserPid = Number(firstLine);
    const aliveBefore = isAlive(browserPid);
    owner.kill('SIGKILL');
    let alive = true;
    for (let tries = 0; tries < 100 && alive; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      alive = isAlive(browserPid);
    }

    expect(aliveBefore).toBe(true);
    expect(alive).toBe(false);
  });

  it('should retire a browser after its maximum number of uses and start a new one', async () => {
    sut = new BrowserPool({ size: 1, maxUsesPerBrowser: 2 });
    await readWho(sut, 'a');
    const firstPid = sut.browsers()[0]?.process()?.pid;
    await readWho(sut, 'b');

    expect(sut.browsers()).toHaveLength(0);

    await readWho(sut, 'c');
    const nextPid = sut.browsers()[0]?.process()?.pid;

    expect(firstPid).toBeDefined();
    expect(nextPid).toBeDefined();
    expect(nextPid).not.toBe(firstPid);
  });

  it('should renew the page of a long job while keeping its session', async () => {
    sut = new BrowserPool({ size: 1, maxStepsPerPage: 2 });
    const context = await sut.acquire('account-a');
    const pages = [];
    for (const step of ['log in', 'read', 'read again']) {
      pages.push(
        await context.step(step, async (page) => {
          await page.goto(`${server.url}/${step === 'log in' ? 'login' : 'whoami'}`);

          return page;
        }),
      );
    }
    const who = await context.step('who', async (page) =>
      page.$eval('#who', (element) => element.textContent),
    );
    await context.release();

    expect(pages[1]).toBe(pages[0]);
    expect(pages[2]).not.toBe(pages[0]);
    expect(pages[0]?.isClosed()).toBe(true);
    expect(who).toBe('unb=42');
  });

  it('should replace a browser killed in the middle of a job so the next job works', async () => {
    sut = new BrowserPool({ size: 1 });
    const context = await sut.acquire('account-a');
    await context.step('open', async (page) => {
      await page.goto(`${server.url}/whoami`);
    });
    const pid = sut.browsers()[0]?.process()?.pid;
    if (!pid) {
      throw new Error('the browser has no process id');
    }

    process.kill(pid, 'SIGKILL');
    const failure = await context
      .step('read after crash', async (page) => page.goto(`${server.url}/whoami`))
      .catch((error: unknown) => error);
    await context.release();

    expect(failure).toBeInstanceOf(BrowserUnavailableError);
    expect(await readWho(sut, 'account-a')).toBe('anonymous');
    expect(sut.browsers()[0]?.process()?.pid).not.toBe(pid);
  });

  it('should stop a step that runs past its hard timeout with a timeout error naming it', async () => {
    sut = new BrowserPool({ size: 1, stepTimeoutMs: 1_000 });
    const context = await sut.acquire('account-a');

    const failure = await context
      .step('open hanging page', async (page) => page.goto(`${server.url}/hang`))
      .catch((error: unknown) => error);
    await context.release();

    expect(failure).toBeInstanceOf(ProviderTimeoutError);
    expect((failure as ProviderTimeoutError).step).toBe('open hanging page');
  });
});

describe(resolveChromiumPath.name, () => {
  it('should name the install command when the configured Chromium does not exist', () => {
    expect(() => resolveChromiumPath('/nowhere/chromium')).toThrow(/apt-get install -y chromium/);
  });

  it('should use CHROMIUM_PATH when no explicit path is given', () => {
    expect(resolveChromiumPath(undefined, { CHROMIUM_PATH: '/usr/bin/chromium' })).toBe(
      '/usr/bin/chromium',
    );
  });
});

// A process that starts a pool, opens a job, prints its browser's pid and waits to be killed.
const OWNER_SCRIPT = join(__dirname, '../../test/pool-owner.ts');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch {
    return false;
  }
}
