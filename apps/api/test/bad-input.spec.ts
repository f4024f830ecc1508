import { createHash } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { sendBadRequests, sendBadSocketEvents } from './support/bad-requests';
import { routeTable } from './support/routes';
import { startTestApp, type TestApp } from './support/test-app';

// Fixed seeds: a failure here names the request, and the same run reproduces it.
const HTTP_SEED = 20261203;
const SOCKET_SEED = 8;

// Rows these tables gain or change are expected: refused writes are audited (checked below),
// malformed but well-typed logins count as failed logins, and reads touch sessions and keys.
const CHANGING_TABLES = new Set(['audit_log', 'login_failures', 'login_sessions', 'api_keys']);

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await dataSource.query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );

  return rows.map((row) => row.name).sort();
}

/** Row count of every table, and a hash of every row of the tables nothing may touch. */
async function snapshot(dataSource: DataSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of await tableNames(dataSource)) {
    if (table === 'audit_log') {
      continue; // checked row by row: refusals are recorded, nothing done
    }
    const rows: unknown[] = await dataSource.query(`SELECT * FROM "${table}" ORDER BY 1`);
    result[table] = CHANGING_TABLES.has(table)
      ? `${rows.length} rows`
      : `${rows.length} rows ${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`;
  }

  return result;
}

describe('generated malformed requests and live events', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
    // Something in every main table, so a stray update or delete shows in the hashes.
    const account = await t.http
      .post('/api/v1/accounts')
      .set('Cookie', admin)
      .send({ provider: 'sandbox', login: 'bad_input_buyer' })
      .expect(201);
    expect(account.body.id).toBeDefined();
    await t.http
      .post('/api/v1/api-keys')
      .set('Cookie', admin)
      .send({ name: 'reader', scopes: ['read'] })
      .expect(201);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should answer 1,000 malformed requests across every route with a 4xx and write nothing', async () => {
    const routes = routeTable(t.running).filter((r) => r.path.startsWith('/api/'));
    const before = await snapshot(t.running.dataSource);
    const auditBefore = await t.running.dataSource.query('SELECT COUNT(*) AS n FROM audit_log');

    const report = await sendBadRequests(
      { baseUrl: t.running.url ?? '', adminCookie: admin },
      routes,
      { runs: 1000, seed: HTTP_SEED },
    );

    expect(report.failures).toEqual([]);
    expect(report.requests).toBe(1000);
    expect(await snapshot(t.running.dataSource)).toEqual(before);
    // Refused writes are audited with their refusal; none may be recorded as done.
    const added: { outcome: string }[] = await t.running.dataSource.query(
      `SELECT outcome FROM audit_log ORDER BY rowid LIMIT -1 OFFSET ${Number(auditBefore[0].n)}`,
    );
    expect(added.filter((row) => row.outcome === 'ok')).toEqual([]);
    // The admin's session survived everything it sent.
    await t.http.get('/api/v1/auth/me').set('Cookie', admin).expect(200);
  }, 120_000);

  it('should answer every malformed live event (or ignore an unknown one) and keep the socket', async () => {
    const before = await snapshot(t.running.dataSource);

    const report = await sendBadSocketEvents(
      { baseUrl: t.running.url ?? '', adminCookie: admin },
      { runs: 300, seed: SOCKET_SEED },
    );

    expect(report.failures).toEqual([]);
    expect(report.socketMessages).toBe(300);
    expect(await snapshot(t.running.dataSource)).toEqual(before);
  }, 120_000);
});
