import { concrete, key, routeTable } from './support/routes';
import { startTestApp, type TestApp } from './support/test-app';

const BAD_BODIES = ['{"login": ', '[1, 2]', '"text"', 'null', '12', '{"items": {"0": {}}}'];

describe('bad input never causes a 500', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should answer every write route with a 4xx error body for malformed or odd JSON', async () => {
    // Logout takes no body and would end the session the loop relies on.
    const writes = routeTable(t.running).filter(
      (r) => r.method !== 'GET' && r.path !== '/api/v1/auth/logout',
    );
    const failures: string[] = [];

    for (const route of writes) {
      for (const body of BAD_BODIES) {
        const response = await t.http[route.method.toLowerCase() as 'post'](concrete(route.path))
          .set('Cookie', admin)
          .set('Content-Type', 'application/json')
          .send(body);
        const clientError =
          response.status >= 400 && response.status < 500 && response.status !== 401;
        if (!clientError || typeof response.body?.code !== 'string') {
          failures.push(`${key(route)} with ${body} → ${response.status}`);
        }
      }
    }

    expect(failures).toEqual([]);
  });

  it('should treat null in optional fields like a missing field, not crash', async () => {
    const operators = await t.http.get('/api/v1/operators').set('Cookie', admin).expect(200);
    const adminId = operators.body[0].id as string;
    const account = await t.http
      .post('/api/v1/accounts')
      .set('Cookie', admin)
      .send({ provider: 'sandbox', login: 'null_buyer', note: null })
      .expect(201);

    await t.http
      .patch(`/api/v1/operators/${adminId}`)
      .set('Cookie', admin)
      .send({ role: null, disabled: null, password: null })
      .expect(200);
    await t.http
      .patch(`/api/v1/accounts/${account.body.id}`)
      .set('Cookie', admin)
      .send({ note: null, enabled: null })
      .expect(200);
    await t.http
      .patch('/api/v1/providers/sandbox')
      .set('Cookie', admin)
      .send({ enabled: null, priceTolerancePercent: null })
      .expect(200);
    // The admin's session survived: a null password changed nothing.
    await t.http.get('/api/v1/auth/me').set('Cookie', admin).expect(200);
  });

  it('should say the body is not valid JSON', async () => {
    const response = await t.http
      .post('/api/v1/orders')
      .set('Cookie', admin)
      .set('Content-Type', 'application/json')
      .send('{"externalId": ')
      .expect(400);

    expect(response.body).toEqual({
      code: 'validation_failed',
      message: 'The request body is not valid JSON',
      details: { body: ['is not valid JSON'] },
    });
  });

  it('should answer every read route with odd query values without a 500', async () => {
    const reads = routeTable(t.running).filter(
      (r) => r.method === 'GET' && r.path.startsWith('/api/v1/'),
    );
    const failures: string[] = [];

    for (const route of reads) {
      for (const query of ['limit=-1', 'cursor=%FF', 'q[]=a&q[]=b', 'provider=x', 'state[x]=1']) {
        const response = await t.http.get(`${concrete(route.path)}?${query}`).set('Cookie', admin);
        if (response.status >= 500) {
          failures.push(`${key(route)}?${query} → ${response.status}`);
        }
      }
    }

    expect(failures).toEqual([]);
  });

  it('should refuse an oversized body with 413', async () => {
    const response = await t.http
      .post('/api/v1/orders')
      .set('Cookie', admin)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ externalId: 'x'.repeat(3 * 1024 * 1024) }))
      .expect(413);

    expect(response.body.code).toBe('payload_too_large');
  });

  it('should answer an unknown API route with a JSON 404', async () => {
    const response = await t.http.get('/api/v1/nothing-here').set('Cookie', admin).expect(404);

    expect(response.body.code).toBe('not_found');
  });
});
