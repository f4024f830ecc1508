import type { SessionSnapshot } from '../src/adapter/types';
import { BrowserPool } from '../src/browser/browser-pool';
import { KitmallAdapter } from '../src/kitmall/kitmall-adapter';
import { TaobaoAdapter, type TaobaoAdapterOptions } from '../src/taobao/taobao-adapter';
import { sandboxHosts } from '../src/taobao/taobao.profile';
import { startSandboxProcess, type RunningSandbox } from './sandbox-process';

export const PASSWORD = 'sandbox123';

export const ADDRESS = {
  recipientName: '王小明',
  mobilePhone: '13800138000',
  regionCode: '310115',
  zipCode: '200120',
  address: '浦东新区世纪大道100号 Autobuy仓库',
};

export interface SandboxFixture {
  sandbox: RunningSandbox;
  pool: BrowserPool;
  taobao(options?: Partial<TaobaoAdapterOptions>): TaobaoAdapter;
  kitmall(stepTimeoutMs?: number): KitmallAdapter;
  /** Logs an account without a challenge in through the login form and returns its session. */
  logIn(login: string): Promise<SessionSnapshot>;
  /** A fresh buyer account (no challenge), so a test's orders and limits are its own. */
  newAccount(options?: { dealLimit?: number; challenge?: string }): Promise<string>;
  stop(): Promise<void>;
}

let accountCounter = 0;

/** A live Sandbox process and a one-browser pool for one spec file. */
export async function startSandboxFixture(stepTimeoutMs = 15_000): Promise<SandboxFixture> {
  const sandbox = await startSandboxProcess();
  const pool = new BrowserPool({ size: 1, stepTimeoutMs });

  const taobao = (options: Partial<TaobaoAdapterOptions> = {}) =>
    new TaobaoAdapter({ pool, hosts: sandboxHosts(sandbox.url), code: 'sandbox', ...options });

  const logIn = async (login: string) => {
    const context = await pool.acquire(`setup-${login}`);
    try {
      await context.step('log in', async (page) => {
        await page.goto(`${sandbox.url}/member/login.jhtml`);
        await page.type('#fm-login-id', login);
        await page.type('#fm-login-password', PASSWORD);
        await Promise.all([page.waitForNavigation(), page.click('#fm-login-submit')]);
      });

      return await context.snapshot();
    } finally {
      await context.release();
    }
  };

  const newAccount = async (options: { dealLimit?: number; challenge?: string } = {}) => {
    accountCounter += 1;
    const login = `buyer_${process.pid}_${accountCounter}`;
    await sandbox.control.call('POST', '/accounts', {
      login,
      password: PASSWORD,
      challenge: options.challenge ?? 'none',
      dealLimit: options.dealLimit ?? 20,
    });

    return login;
  };

  return {
    sandbox,
    pool,
    taobao,
    kitmall: (timeout = stepTimeoutMs) =>
      new KitmallAdapter({ apiUrl: `${sandbox.url}/kitmall/api/v1`, stepTimeoutMs: timeout }),
    logIn,
    newAccount,
    stop: async () => {
      await pool.close();
      await sandbox.stop();
    },
  };
}
