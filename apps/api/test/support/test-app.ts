import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SESSION_COOKIE } from '@autobuy/contracts';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';

import { bootstrap, type RunningApp } from '../../src/app/bootstrap';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { createPostgresDatabase, type PostgresDatabase } from './postgres';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestApp {
  running: RunningApp;
  config: AppConfig;
  http: TestAgent;
  /** Logs in and returns the Cookie header value. */
  login(login?: string, password?: string): Promise<string>;
  /** Stops the app; removes its data unless `keepData`. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

export interface TestAppOptions {
  engine?: 'sqlite' | 'postgres';
  /** Reuse a data directory (SQLite) to restart over the same database. */
  dataDir?: string;
  postgres?: PostgresDatabase;
  config?: Partial<AppConfig>;
  output?: (text: string) => void;
}

/** Config for tests: port 0, a private data dir, cheap argon2 (config only, never env). */
export function testConfig(dataDir: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    adminDist: join(dataDir, 'no-admin-build'),
    demoData: false,
    logLevels: ['fatal'],
    passwordHashing: { memoryCostKib: 1024, timeCost: 1, parallelism: 1 },
    ...overrides,
  };
}

export function cookieFrom(setCookie: string[] | string | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = all.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) {
    throw new Error('login did not set the session cookie');
  }

  return cookie.split(';')[0];
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'autobuy-api-'));
  const postgres =
    options.postgres ?? (options.engine === 'postgres' ? await createPostgresDatabase() : null);
  const config = testConfig(dataDir, {
    databaseUrl: postgres?.url ?? null,
    ...options.config,
  });
  const running = await bootstrap(config, { output: options.output ?? (() => undefined) });
  const server = (
    running.app as unknown as { getHttpServer(): Parameters<typeof request>[0] }
  ).getHttpServer();
  const http = request(server);

  return {
    running,
    config,
    http,
    async login(login = 'admin', password = ADMIN_PASSWORD) {
      const response = await http.post('/api/v1/auth/login').send({ login, password }).expect(200);

      return cookieFrom(response.headers['set-cookie']);
    },
    async close({ keepData = false } = {}) {
      await running.close();
      if (!keepData) {
        if (!options.postgres) {
          await postgres?.drop();
        }
        if (!options.dataDir) {
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
    },
  };
}
