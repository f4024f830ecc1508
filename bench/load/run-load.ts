// The load run: a fresh PostgreSQL database with a unique name, the API started in this process
// on it, a bulk seed (100,000 activities, 50,000 orders; `small`: a tenth), then operators and
// integrators at once: activity list, order list, order import. The database is dropped at the end.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { API_KEY_HEADER } from '@autobuy/contracts';
import { Client } from 'pg';

import { bootstrap, type RunningApp } from '../../apps/api/src/app/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { type EndpointFigures, type LoadRequest, runVirtualUsers } from './load-client';
import { seedBulk } from './seed';

const POSTGRES_URL = process.env.LOAD_POSTGRES_URL ?? 'postgres://root@127.0.0.1:5432/test';
const ADMIN_PASSWORD = 'load-benchmark-admin';

export interface LoadResult {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  rps: number;
  perEndpoint: Record<string, EndpointFigures>;
  /** Flat figures for the harness table. */
  figures: Record<string, number | string>;
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function call(app: RunningApp, path: string, init: RequestInit): Promise<Response> {
  const response = await fetch(`${app.url}/api/v1${path}`, init);
  if (!response.ok) {
    throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}`);
  }

  return response;
}

/** Who sends what, in which share: operators read lists, integrators read and import orders. */
function workload(cookie: string, apiKey: string, runId: string): (n: number) => LoadRequest {
  const operator = { cookie };
  const integrator = { [API_KEY_HEADER]: apiKey };
  const mix: Array<[number, (n: number) => LoadRequest]> = [
    [
      30,
      () => ({
        endpoint: 'GET /activities',
        method: 'GET',
        path: '/api/v1/activities?limit=50',
        headers: operator,
      }),
    ],
    [
      10,
      () => ({
        endpoint: 'GET /activities?state=failed',
        method: 'GET',
        path: '/api/v1/activities?state=failed&limit=50',
        headers: operator,
      }),
    ],
    [
      30,
      () => ({
        endpoint: 'GET /orders',
        method: 'GET',
        path: '/api/v1/orders?limit=50',
        headers: operator,
      }),
    ],
    [
      10,
      () => ({
        endpoint: 'GET /orders (integrator)',
        method: 'GET',
        path: '/api/v1/orders?limit=100',
        headers: integrator,
      }),
    ],
    [
      20,
      (n) => ({
        endpoint: 'POST /orders',
        method: 'POST',
        path: '/api/v1/orders',
        headers: integrator,
        body: importBody(`${runId}-${n}`),
      }),
    ],
  ];
  const slots = mix.flatMap(([weight, make]) => new Array<typeof make>(weight).fill(make));

  // A fixed interleaving (n × a prime) keeps the mix even without randomness.
  return (n) => (slots[(n * 37) % slots.length] as (n: number) => LoadRequest)(n);
}

function importBody(externalId: string): string {
  const item = (line: number) => ({
    externalId: `line-${line}`,
    provider: 'sandbox',
    providerItemId: `60000000000${line}`,
    title: 'Товар нагрузочного теста',
    quantity: 1,
    unitPrice: '59.00',
    currency: 'CNY',
    sellerId: '2200000001',
    sellerName: 'Магазин',
  });

  return JSON.stringify({
    externalId: `LOAD-IMPORT-${externalId}`,
    customerName: 'Интегратор',
    items: [item(1), item(2)],
  });
}

export async function runLoad(options: {
  small: boolean;
  /** Virtual users instead of the default (16; 8 small), e.g. 1 to see unloaded latencies. */
  users?: number;
  log?: (line: string) => void;
}): Promise<LoadResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[load] ${line}\n`));
  const size = options.small
    ? { orders: 5_000, activities: 10_000, users: 8, requests: 1_500 }
    : { orders: 50_000, activities: 100_000, users: 16, requests: 10_000 };
  size.users = options.users ?? size.users;
  const database = `autobuy_load_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'autobuy-load-'));
  await withAdmin((client) => client.query(`CREATE DATABASE ${database}`));
  let app: RunningApp | null = null;
  try {
    app = await bootstrap(
      {
        ...loadConfig({}),
        port: 0,
        dataDir,
        databaseUrl: url.toString(),
        adminPassword: ADMIN_PASSWORD,
        adminDist: join(dataDir, 'no-admin-build'),
        demoData: false,
        logLevels: ['fatal', 'error'],
      },
      { output: () => undefined },
    );
    const seedStarted = Date.now();
    await seedBulk(app.dataSource, size);
    log(
      `seeded ${size.orders} orders and ${size.activities} activities in ` +
        `${Math.round((Date.now() - seedStarted) / 1000)} s`,
    );

    const login = await call(app, '/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: ADMIN_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const key = (await (
      await call(app, '/api-keys', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'load integrator', scopes: ['read', 'orders:write'] }),
      })
    ).json()) as { key: string };
    const pick = workload(cookie, key.key, randomBytes(3).toString('hex'));

    // Warm-up: connection pools, prepared plans and the JIT, left out of the figures.
    await runVirtualUsers({ baseUrl: app.url ?? '', users: size.users, total: 200, pick });
    log(`${size.users} virtual users, ${size.requests} requests…`);
    const figures = await runVirtualUsers({
      baseUrl: app.url ?? '',
      users: size.users,
      total: size.requests,
      pick: (n) => pick(n + 200),
    });
    const flat: Record<string, number | string> = {
      'load p50 ms': figures.p50Ms,
      'load p95 ms': figures.p95Ms,
      'load p99 ms': figures.p99Ms,
      'load rps': figures.rps,
      'load errors': figures.errors,
    };
    for (const [endpoint, f] of Object.entries(figures.perEndpoint)) {
      flat[`load ${endpoint} p95 ms`] = f.p95Ms;
    }

    return {
      p50Ms: figures.p50Ms,
      p95Ms: figures.p95Ms,
      p99Ms: figures.p99Ms,
      rps: figures.rps,
      perEndpoint: figures.perEndpoint,
      figures: flat,
    };
  } finally {
    await app?.close().catch(() => undefined);
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
