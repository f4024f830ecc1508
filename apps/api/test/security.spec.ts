import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { API_KEY_HEADER, type ApiKeyScope } from '@autobuy/contracts';

import { SessionRecords } from '../src/sessions/session-records';
import { OPENED_BY_SCOPE, PUBLIC_ROUTES } from './support/api-key-scopes';
import { concrete, key, routeTable } from './support/routes';
import { startTestApp, type TestApp } from './support/test-app';

describe('security', () => {
  let t: TestApp;
  let admin: string;
  let logs = '';
  const restore: Array<() => void> = [];

  beforeAll(async () => {
    t = await startTestApp({
      config: { logLevels: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] },
    });
    // Everything the app logs from now on is kept (not printed) to search it for secrets.
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write;
      stream.write = ((chunk: string | Uint8Array) => {
        logs += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');

        return true;
      }) as typeof stream.write;
      restore.push(() => {
        stream.write = write;
      });
    }
    admin = await t.login();
  });

  afterAll(async () => {
    await t.close();
    for (const undo of restore) {
      undo();
    }
  });

  const apiRoutes = () =>
    routeTable(t.running).filter(
      (r) => r.path.startsWith('/api/v1/') && !PUBLIC_ROUTES.has(key(r)),
    );

  it('should open to each single-scope API key exactly the routes of its scope', async () => {
    const opened: Record<string, string[]> = {};
    for (const scope of Object.keys(OPENED_BY_SCOPE) as ApiKeyScope[]) {
      const created = await t.http
        .post('/api/v1/api-keys')
        .set('Cookie', admin)
        .send({ name: `only ${scope}`, scopes: [scope] })
        .expect(201);
      opened[scope] = [];
      for (const route of apiRoutes()) {
        const response = await t.http[route.method.toLowerCase() as 'get'](concrete(route.path))
          .set(API_KEY_HEADER, created.body.key)
          .send({});
        // 400 (empty body) and 404 (no such id) mean the key got past authorization.
        if (response.status !== 403) {
          expect({ route: key(route), status: response.status }).not.toEqual({
            route: key(route),
            status: 401,
          });
          opened[scope].push(key(route));
        }
      }
    }

    for (const scope of Object.keys(OPENED_BY_SCOPE) as ApiKeyScope[]) {
      expect({ scope, routes: opened[scope].sort() }).toEqual({
        scope,
        routes: [...OPENED_BY_SCOPE[scope]].sort(),
      });
    }
  });

  it('should never show provider cookie values in API responses, the database or the logs', async () => {
    await t.http
      .post('/api/v1/accounts')
      .set('Cookie', admin)
      .send({ provider: 'sandbox', login: 'cookie_owner' })
      .expect(201);
    const secret = `cookie-secret-${Date.now()}-9f3a7c`;
    const result = await t.running.app
      .get(SessionRecords)
      .completeLogin('sandbox', 'cookie_owner', {
        cookies: [
          {
            name: 'cookie2',
            value: secret,
            domain: '.taobao.com',
            path: '/',
            expires: -1,
            httpOnly: true,
            secure: true,
          },
        ],
        localStorage: { 'https://www.taobao.com': { token: `${secret}-storage` } },
      });
    expect(result.ok).toBe(true);

    const reads = routeTable(t.running).filter(
      (r) => r.method === 'GET' && r.path.startsWith('/api/v1/'),
    );
    for (const route of reads) {
      const response = await t.http.get(concrete(route.path)).set('Cookie', admin);
      expect({ route: key(route), leaks: response.text.includes(secret) }).toEqual({
        route: key(route),
        leaks: false,
      });
    }
    const sessions = await t.http.get('/api/v1/sessions').set('Cookie', admin).expect(200);
    expect(JSON.stringify(sessions.body)).toContain('cookie_owner');

    await t.running.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
    const files = readdirSync(t.config.dataDir).filter((f) => f.startsWith('autobuy.sqlite'));
    for (const file of files) {
      expect(readFileSync(join(t.config.dataDir, file)).includes(secret)).toBe(false);
    }
    expect(logs).toContain('Provider session');
    expect(logs.includes(secret)).toBe(false);
  });
});
