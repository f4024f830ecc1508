// Where the harness logs provider accounts in, as the operator does in the login popup: an API
// process of the topology's own deployment (same database, Redis, vault keys) inside the harness,
// whose browser fills the Sandbox's password form and stores the session like a popup login.
import 'reflect-metadata';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { bootstrap, type RunningApp } from '../../apps/api/src/app/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { ProviderAdapters } from '../../apps/api/src/sessions/provider-adapters';
import { SessionRecords } from '../../apps/api/src/sessions/session-records';
import type { AdminClient, SandboxControl } from './http';

export const SANDBOX_PASSWORD = 'sandbox123';
/** A login under injected provider errors can fail; the operator simply tries again. */
const LOGIN_ATTEMPTS = 8;

export class SessionDesk {
  /** Every cookie value a login stored, for the check that none appears in plain text. */
  readonly cookieValues = new Set<string>();

  private constructor(
    private readonly app: RunningApp,
    private readonly dataDir: string,
    private readonly sandboxUrl: string,
  ) {}

  static async open(sharedEnv: Record<string, string>): Promise<SessionDesk> {
    const dataDir = mkdtempSync(join(tmpdir(), 'autobuy-harness-desk-'));
    const config = loadConfig(
      { ...sharedEnv, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'fatal' },
      'api',
    );
    const app = await bootstrap(
      { ...config, adminDist: join(dataDir, 'no-admin') },
      { output: () => undefined },
    );

    return new SessionDesk(app, dataDir, config.sandboxUrl);
  }

  async close(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** A Sandbox buyer and the Autobuy account for it; returns the account id. */
  async addAccount(admin: AdminClient, sandbox: SandboxControl, login: string): Promise<string> {
    await sandbox.call('POST', '/accounts', {
      login,
      password: SANDBOX_PASSWORD,
      challenge: 'none',
      dealLimit: 5000,
    });
    const account = await admin.call<{ id: string }>('POST', '/accounts', {
      provider: 'sandbox',
      login,
    });

    return account.id;
  }

  /** Logs the account in (again); returns the new session's id. */
  async login(login: string): Promise<string> {
    let lastError: unknown = null;
    for (let attempt = 0; attempt < LOGIN_ATTEMPTS; attempt++) {
      try {
        return await this.loginOnce(login);
      } catch (error) {
        lastError = error;
      }
    }
    throw new Error(`${login} could not log in: ${String(lastError)}`);
  }

  private async loginOnce(login: string): Promise<string> {
    const pool = this.app.app.get(ProviderAdapters).browserPool();
    const context = await pool.acquire(`harness-login-${login}-${Date.now()}`, null);
    try {
      await context.step('log in', async (page) => {
        await page.goto(`${this.sandboxUrl}/member/login.jhtml`);
        await page.type('#fm-login-id', login);
        await page.type('#fm-login-password', SANDBOX_PASSWORD);
        await Promise.all([page.waitForNavigation(), page.click('#fm-login-submit')]);
      });
      const snapshot = await context.snapshot();
      if (!snapshot.cookies.some((cookie) => cookie.name === 'unb' && cookie.value !== '')) {
        throw new Error('the Sandbox did not log the buyer in');
      }
      // Short values (flags, counters) would match unrelated text.
      snapshot.cookies
        .filter((cookie) => cookie.value.length >= 8)
        .forEach((cookie) => this.cookieValues.add(cookie.value));
      const result = await this.app.app
        .get(SessionRecords)
        .completeLogin('sandbox', login, snapshot);
      if (!result.ok) {
        throw new Error(result.reason);
      }

      return result.session.id;
    } finally {
      await context.release();
    }
  }
}
