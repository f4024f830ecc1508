// The load run: a fresh PostgreSQL database with a unique name, the API started as a child process
// on it, a bulk seed (100,000 activities, 50,000 orders; `small`: a tenth), then operators and
// integrators at once: activity list, order list, order import. The database is dropped at the end.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

import { API_KEY_HEADER } from '@autobuy/contracts';
import { Client } from 'pg';

import { type EndpointFigures, type LoadRequest, runVirtualUsers } from './load-client';
import { seedBulk } from './seed';

const POSTGRES_URL = process.env.LOAD_POSTGRES_URL ?? 'postgres://root@127.0.0.1:5432/test';
const ADMIN_PASSWORD = 'load-benchmark-admin';
const ROOT = resolve(__dirname, '../..');

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

async function call(baseUrl: string, path: string, init: RequestInit): Promise<Response> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, init);
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

/** A free TCP port on the loopback address. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The API as its own process (`--role=all`, as `npm start` runs it), so the load generator in this
 * process does not take the API's event loop.
 */
async function startApi(
  env: Record<string, string>,
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['-r', join(ROOT, 'scripts/ts-register.cjs'), join(ROOT, 'apps/api/src/main.ts'), '--role=all'],
    {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The API exited with code ${child.exitCode} while starting`);
    }
    const ready = await fetch(`${url}/api/v1/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) {
      return { url, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error('The API did not become ready within 120 s');
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
  let api: { url: string; stop(): Promise<void> } | null = null;
  try {
    // The API migrates the database and adds the providers; the seed goes in after that.
    api = await startApi({
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      ADMIN_PASSWORD,
      ADMIN_DIST: join(dataDir, 'no-admin-build'),
      DEMO_DATA: 'false',
      LOG_LEVEL: 'error',
    });
    const seedStarted = Date.now();
    const seeder = new Client({ connectionString: url.toString() });
    await seeder.connect();
    try {
      await seedBulk((sql) => seeder.query(sql), size);
    } finally {
      await seeder.end();
    }
    log(
      `seeded ${size.orders} orders and ${size.activities} activities in ` +
        `${Math.round((Date.now() - seedStarted) / 1000)} s`,
    );

    const login = await call(api.url, '/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: ADMIN_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const key = (await (
      await call(api.url, '/api-keys', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'load integrator', scopes: ['read', 'orders:write'] }),
      })
    ).json()) as { key: string };
    const pick = workload(cookie, key.key, randomBytes(3).toString('hex'));

    // Warm-up: connection pools, prepared plans and the JIT, left out of the figures.
    await runVirtualUsers({ baseUrl: api.url, users: size.users, total: 200, pick });
    log(`${size.users} virtual users, ${size.requests} requests…`);
    const figures = await runVirtualUsers({
      baseUrl: api.url,
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
    await api?.stop().catch(() => undefined);
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
