import { API_KEY_HEADER } from '@autobuy/contracts';

import { postgresReachable } from './support/postgres';
import { concrete, key, routeTable } from './support/routes';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './support/test-app';

const PUBLIC_ROUTES = [
  'POST /api/v1/auth/login',
  'GET /api/v1/health/live',
  'GET /api/v1/health/ready',
];

// The only routes an integrator's key may use, each with the scope it needs.
// Everything an integrator's key may reach: reading, importing orders, purchase operations and
// following their activities. Settings, operators, keys, webhooks and the audit log stay closed.
const INTEGRATOR_ROUTES = [
  'GET /api/v1/providers',
  'GET /api/v1/providers/:code/warehouse-profile',
  'GET /api/v1/accounts',
  'POST /api/v1/orders',
  'GET /api/v1/orders',
  'GET /api/v1/orders/:id',
  'GET /api/v1/sessions',
  'POST /api/v1/sessions/:id/sync',
  'POST /api/v1/reservations',
  'POST /api/v1/unbindings',
  'POST /api/v1/bindings',
  'GET /api/v1/activities',
  'GET /api/v1/activities/:id',
  'GET /api/v1/activities/:id/events',
  'POST /api/v1/activities/:id/answers',
  'POST /api/v1/activities/:id/cancel',
  'POST /api/v1/activities/:id/retry',
  'GET /api/v1/metrics',
];

describe.each(['sqlite', 'postgres'] as const)('auth on %s', (engine) => {
  let t: TestApp;
  let admin: string;
  let skip = false;

  beforeAll(async () => {
    skip = engine === 'postgres' && !(await postgresReachable());
    if (skip) {
      return;
    }
    t = await startTestApp({ engine });
    admin = await t.login();
  });

  afterAll(async () => {
    await t?.close();
  });

  // PostgreSQL being absent was announced once; its tests then pass without running.
  const it = (name: string, fn: () => Promise<void>): void =>
    test(name, async () => {
      if (!skip) {
        await fn();
      }
    });

  async function createOperator(login: string, role: string): Promise<string> {
    const password = `${login}-password-123`;
    await t.http
      .post('/api/v1/operators')
      .set('Cookie', admin)
      .send({ login, password, role })
      .expect(201);

    return t.login(login, password);
  }

  describe('route table', () => {
    it('should answer 401 on every route except login and health when no credentials are sent', async () => {
      const routes = routeTable(t.running);
      expect(routes.length).toBeGreaterThan(15);

      const open: string[] = [];
      for (const route of routes) {
        const response = await t.http[route.method.toLowerCase() as 'get'](concrete(route.path));
        if (response.status !== 401) {
          open.push(`${key(route)} → ${response.status}`);
        } else {
          expect(response.body.code).toBe('unauthenticated');
        }
      }

      expect(open.map((o) => o.split(' → ')[0]).sort()).toEqual([...PUBLIC_ROUTES].sort());
    });

    it('should serve the API docs to a logged-in operator', async () => {
      const docs = await t.http.get('/api/docs-json').set('Cookie', admin).expect(200);

      expect(docs.body.paths['/api/v1/orders']).toBeDefined();
      expect(JSON.stringify(docs.body)).toContain('颜色分类:黑色; 尺码:XL');
    });

    it('should refuse a forged session cookie and an unknown API key with 401', async () => {
      await t.http.get('/api/v1/orders').set('Cookie', 'autobuy_session=forged-token').expect(401);
      await t.http.get('/api/v1/orders').set(API_KEY_HEADER, 'abk_unknown').expect(401);
    });

    it('should keep every admin-only route closed to an API key holding every scope', async () => {
      const created = await t.http
        .post('/api/v1/api-keys')
        .set('Cookie', admin)
        .send({ name: 'all scopes', scopes: ['read', 'orders:write', 'purchases:write'] })
        .expect(201);
      const apiKey = created.body.key as string;

      const reached: string[] = [];
      for (const route of routeTable(t.running)) {
        if (PUBLIC_ROUTES.includes(key(route)) || !route.path.startsWith('/api/v1/')) {
          continue;
        }
        const response = await t.http[route.method.toLowerCase() as 'get'](
          concrete(route.path),
        ).set(API_KEY_HEADER, apiKey);
        if (response.status !== 403) {
          reached.push(key(route));
        }
      }

      expect(reached.sort()).toEqual([...INTEGRATOR_ROUTES].sort());
    });
  });

  describe('roles', () => {
    it('should let a viewer read but not write', async () => {
      const viewer = await createOperator('vera', 'viewer');

      await t.http.get('/api/v1/orders').set('Cookie', viewer).expect(200);
      await t.http.get('/api/v1/providers').set('Cookie', viewer).expect(200);
      const write = await t.http
        .post('/api/v1/orders')
        .set('Cookie', viewer)
        .send({ externalId: 'X' })
        .expect(403);
      expect(write.body.code).toBe('forbidden');
    });

    it('should let an operator import orders but not reach settings', async () => {
      const operator = await createOperator('oleg', 'operator');

      await t.http.get('/api/v1/orders').set('Cookie', operator).expect(200);
      for (const [method, path] of [
        ['patch', '/api/v1/providers/sandbox'],
        ['put', '/api/v1/providers/sandbox/warehouse-profile'],
        ['post', '/api/v1/accounts'],
        ['get', '/api/v1/operators'],
        ['get', '/api/v1/api-keys'],
        ['get', '/api/v1/auth/sessions'],
      ] as const) {
        await t.http[method](path).set('Cookie', operator).send({}).expect(403);
      }
    });
  });

  describe('login', () => {
    it('should answer 401 invalid_credentials for a wrong password and an unknown login', async () => {
      for (const login of ['admin', 'nobody']) {
        const response = await t.http
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', '10.0.0.1')
          .send({ login, password: 'wrong password' })
          .expect(401);
        expect(response.body).toEqual({
          code: 'invalid_credentials',
          message: 'Wrong login or password',
        });
      }
    });

    it('should set an httpOnly SameSite=Strict cookie', async () => {
      const response = await t.http
        .post('/api/v1/auth/login')
        .send({ login: 'admin', password: ADMIN_PASSWORD })
        .expect(200);
      const cookie = String(response.headers['set-cookie']);

      expect(cookie).toMatch(/autobuy_session=/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(response.body.operator.login).toBe('admin');
    });

    it('should throttle a login after 5 failures with 429 and Retry-After, even with the right password', async () => {
      const login = await createOperator('tanya', 'viewer');
      expect(login).toBeTruthy();

      for (let i = 0; i < 5; i += 1) {
        await t.http
          .post('/api/v1/auth/login')
          .send({ login: 'tanya', password: 'wrong password' })
          .expect(401);
      }
      const blocked = await t.http
        .post('/api/v1/auth/login')
        .send({ login: 'tanya', password: 'tanya-password-123' })
        .expect(429);

      expect(blocked.body.code).toBe('too_many_requests');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
      // Another login from the same address is not affected.
      await t.login();
    });

    it('should refuse a disabled operator and end its open sessions', async () => {
      const session = await createOperator('dina', 'operator');
      const list = await t.http.get('/api/v1/operators').set('Cookie', admin).expect(200);
      const dina = list.body.find((o: { login: string }) => o.login === 'dina');

      await t.http
        .patch(`/api/v1/operators/${dina.id}`)
        .set('Cookie', admin)
        .send({ disabled: true })
        .expect(200);

      await t.http.get('/api/v1/auth/me').set('Cookie', session).expect(401);
      await t.http
        .post('/api/v1/auth/login')
        .send({ login: 'dina', password: 'dina-password-123' })
        .expect(401);
    });

    it('should refuse to demote or disable the last active admin', async () => {
      const me = await t.http.get('/api/v1/auth/me').set('Cookie', admin).expect(200);
      const response = await t.http
        .patch(`/api/v1/operators/${me.body.operator.id}`)
        .set('Cookie', admin)
        .send({ role: 'viewer' })
        .expect(409);

      expect(response.body.message).toMatch(/last active admin/);
    });

    it('should refuse a second operator with the same login with 409', async () => {
      await createOperator('sam', 'viewer');
      const response = await t.http
        .post('/api/v1/operators')
        .set('Cookie', admin)
        .send({ login: 'sam', password: 'another-password', role: 'viewer' })
        .expect(409);

      expect(response.body.code).toBe('conflict');
    });
  });

  describe('sessions', () => {
    it('should end the session on logout so the old cookie no longer works', async () => {
      const cookie = await t.login();
      await t.http.get('/api/v1/auth/me').set('Cookie', cookie).expect(200);

      await t.http.post('/api/v1/auth/logout').set('Cookie', cookie).expect(204);

      const after = await t.http.get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
      expect(after.body.code).toBe('unauthenticated');
    });

    it('should let an admin revoke another browser session', async () => {
      const other = await t.login();
      const me = await t.http.get('/api/v1/auth/me').set('Cookie', other).expect(200);

      const list = await t.http.get('/api/v1/auth/sessions').set('Cookie', admin).expect(200);
      expect(list.body.map((s: { id: string }) => s.id)).toContain(me.body.sessionId);

      await t.http
        .delete(`/api/v1/auth/sessions/${me.body.sessionId}`)
        .set('Cookie', admin)
        .expect(204);

      await t.http.get('/api/v1/auth/me').set('Cookie', other).expect(401);
      await t.http.get('/api/v1/auth/me').set('Cookie', admin).expect(200);
      const after = await t.http.get('/api/v1/auth/sessions').set('Cookie', admin).expect(200);
      const revoked = after.body.find((s: { id: string }) => s.id === me.body.sessionId);
      expect(revoked.revokedAt).not.toBeNull();
      // Active sessions come first.
      expect(after.body[0].revokedAt).toBeNull();
    });

    it('should answer 404 when revoking a session that does not exist', async () => {
      const response = await t.http
        .delete('/api/v1/auth/sessions/00000000-0000-4000-8000-000000000000')
        .set('Cookie', admin)
        .expect(404);

      expect(response.body.code).toBe('not_found');
    });
  });

  describe('audit', () => {
    it('should record who did a write, what, and from where', async () => {
      await t.http
        .patch('/api/v1/providers/taobao')
        .set('Cookie', admin)
        .send({ priceTolerancePercent: 5 })
        .expect(200);

      const log = await t.http.get('/api/v1/audit-log?limit=5').set('Cookie', admin).expect(200);
      expect(log.body[0]).toMatchObject({
        actorType: 'operator',
        actorLabel: 'admin',
        action: 'PATCH /api/v1/providers/:code',
        target: 'taobao',
        outcome: 'ok',
      });
      expect(log.body[0].ip).toMatch(/127\.0\.0\.1/);
    });

    it('should record logins, failed ones included, with the login that was tried', async () => {
      await t.http
        .post('/api/v1/auth/login')
        .send({ login: 'mallory', password: 'guess' })
        .expect(401);
      await t.login();

      const log = await t.http.get('/api/v1/audit-log?limit=5').set('Cookie', admin).expect(200);
      const rows = log.body.map((e: Record<string, unknown>) => [
        e.actorType,
        e.actorLabel,
        e.outcome,
      ]);
      // Both happen within a millisecond or two, so their order is not asserted.
      expect(rows).toEqual(
        expect.arrayContaining([
          ['operator', 'admin', 'ok'],
          ['anonymous', 'mallory', 'invalid_credentials'],
        ]),
      );
    });
  });
});
