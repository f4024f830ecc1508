// Shared by the workflow benchmarks: a Sandbox process, the whole app in this process (SQLite,
// in-process queue, real Chromium), accounts logged in through the Sandbox's password form.
import 'reflect-metadata';

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ActivityDto, ImportOrderItemRequest, OrderDto } from '@autobuy/contracts';

import { bootstrap, type RunningApp } from '../../apps/api/src/app/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { ProviderAdapters } from '../../apps/api/src/sessions/provider-adapters';
import { SessionRecords } from '../../apps/api/src/sessions/session-records';

export const LATENCY_MS = 50;
const ROOT = join(__dirname, '..', '..');
const PASSWORD = 'sandbox123';
const ADMIN_PASSWORD = 'bench-admin-password';
const BUILD = join(tmpdir(), `autobuy-workflows-bench-${process.getuid?.() ?? 0}`, 'sandbox');

export interface RequestLogEntry {
  path: string;
  area: string;
  account: string | null;
  method: string;
  startMs: number;
  durationMs: number | null;
}

export interface CatalogueItem {
  itemId: string;
  sellerId: string;
  shopName: string;
  title: string;
  isTmall: boolean;
  buyEnable: boolean;
  limit: number | null;
  skus: { skuId: string; price: string; stock: number }[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error('no free port');
  }

  return address.port;
}

export class Bench {
  private cookie = '';

  private constructor(
    readonly sandboxUrl: string,
    private readonly sandbox: ChildProcess,
    readonly app: RunningApp,
    private readonly dataDir: string,
  ) {}

  static async start(): Promise<Bench> {
    execFileSync(
      join(ROOT, 'node_modules/.bin/tsc'),
      ['-p', 'apps/provider-sandbox/tsconfig.app.json', '--outDir', BUILD],
      { cwd: ROOT, stdio: 'inherit' },
    );
    const port = await freePort();
    const sandbox = spawn(process.execPath, [join(BUILD, 'main.js')], {
      env: {
        ...process.env,
        SANDBOX_PORT: String(port),
        SANDBOX_HOST: '127.0.0.1',
        NODE_PATH: join(ROOT, 'node_modules'),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const sandboxUrl = `http://127.0.0.1:${port}`;
    for (let tries = 0; ; tries++) {
      const ready = await fetch(`${sandboxUrl}/__control/state`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) {
        break;
      }
      if (tries > 200) {
        throw new Error('The Sandbox did not start');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const dataDir = mkdtempSync(join(tmpdir(), 'autobuy-workflows-bench-'));
    const app = await bootstrap(
      {
        ...loadConfig({}),
        port: 0,
        host: '127.0.0.1',
        dataDir,
        sandboxUrl,
        adminPassword: ADMIN_PASSWORD,
        adminDist: join(dataDir, 'no-admin'),
        demoData: false,
        logLevels: ['fatal'],
        syncIntervalMs: 3_600_000,
      },
      { output: () => undefined },
    );
    const bench = new Bench(sandboxUrl, sandbox, app, dataDir);
    // A worker's browsers outlive its jobs; start them before the clock does, as in a worker
    // that has run before.
    await app.app.get(ProviderAdapters).browserPool().warm();
    const login = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: ADMIN_PASSWORD }),
    });
    bench.cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await bench.api('PUT', '/providers/sandbox/warehouse-profile', {
      recipientName: '王鑫磊奇跡',
      mobilePhone: '11147043234',
      regionCode: '150784',
      zipCode: '021400',
      address: '尚都国际小区东区9号楼23号车库',
    });

    return bench;
  }

  async stop(): Promise<void> {
    await this.app.close();
    this.sandbox.kill('SIGTERM');
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.sandboxUrl}/__control${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`Sandbox control ${method} ${path}: ${response.status} ${text}`);
    }

    return (text ? JSON.parse(text) : null) as T;
  }

  async api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const send = () =>
      fetch(`${this.app.url}/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', Cookie: this.cookie },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // A kept-alive socket the server closes just as a poll reuses it fails that GET; it is
    // safe to send again.
    const response = await send().catch((error: unknown) => {
      if (method === 'GET') {
        return send();
      }

      throw error;
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`API ${method} ${path}: ${response.status} ${text}`);
    }

    return (text ? JSON.parse(text) : null) as T;
  }

  /** A Sandbox account, its Autobuy account and a logged-in session; returns the session id. */
  async account(login: string): Promise<{ sessionId: string; accountId: string }> {
    await this.control('POST', '/accounts', {
      login,
      password: PASSWORD,
      challenge: 'none',
      dealLimit: 5000,
    });
    const account = await this.api<{ id: string }>('POST', '/accounts', {
      provider: 'sandbox',
      login,
    });
    const pool = this.app.app.get(ProviderAdapters).browserPool();
    const context = await pool.acquire(`bench-login-${login}`, null);
    try {
      await context.step('log in', async (page) => {
        await page.goto(`${this.sandboxUrl}/member/login.jhtml`);
        await page.type('#fm-login-id', login);
        await page.type('#fm-login-password', PASSWORD);
        await Promise.all([page.waitForNavigation(), page.click('#fm-login-submit')]);
      });
      const result = await this.app.app
        .get(SessionRecords)
        .completeLogin('sandbox', login, await context.snapshot());
      if (!result.ok) {
        throw new Error(result.reason);
      }

      return { sessionId: result.session.id, accountId: account.id };
    } finally {
      await context.release();
    }
  }

  async catalogue(): Promise<CatalogueItem[]> {
    return (await this.control<{ items: CatalogueItem[] }>('GET', '/items')).items;
  }

  async importOrder(externalId: string, items: ImportOrderItemRequest[]): Promise<OrderDto> {
    return this.api<OrderDto>('POST', '/orders', { externalId, customerName: 'Bench', items });
  }

  async settle(activityId: string): Promise<ActivityDto> {
    for (;;) {
      const activity = await this.api<ActivityDto>('GET', `/activities/${activityId}`);
      if (!['queued', 'running'].includes(activity.state)) {
        return activity;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async requests(): Promise<RequestLogEntry[]> {
    const log = await this.control<RequestLogEntry[] | { requests: RequestLogEntry[] }>(
      'GET',
      '/requests',
    );

    return Array.isArray(log) ? log : log.requests;
  }
}

/** An order line for one SKU of a catalogue item. */
export function lineOf(item: CatalogueItem, skuIndex: number, externalId: string) {
  const sku = item.skus[skuIndex];
  if (!sku) {
    throw new Error(`item ${item.itemId} has no SKU ${skuIndex}`);
  }

  return {
    externalId,
    provider: 'sandbox' as const,
    providerItemId: item.itemId,
    skuId: sku.skuId,
    title: item.title,
    quantity: 1,
    unitPrice: sku.price,
    currency: 'CNY' as const,
    sellerId: item.sellerId,
    sellerName: item.shopName,
  };
}

/**
 * With BENCH_TRACE=1, prints each logged request as `<ms since start> <duration> <account>
 * <method> <path>`, so gaps between requests (our own overhead) show up.
 */
export function traceRequests(log: RequestLogEntry[], startedAt: number): void {
  if (!process.env['BENCH_TRACE']) {
    return;
  }
  const origin = performance.timeOrigin + startedAt;
  for (const entry of log) {
    console.log(
      `${Math.round(entry.startMs - origin)} ${entry.durationMs} ${entry.account} ` +
        `${entry.method} ${entry.path.slice(0, 70)}`,
    );
  }
}

export function durationOf(entries: RequestLogEntry[]): number {
  return entries.reduce((sum, entry) => sum + (entry.durationMs ?? 0), 0);
}
