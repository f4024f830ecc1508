import { API_KEY_HEADER } from '@autobuy/contracts';

import { startTestApp, type TestApp } from './support/test-app';

describe('Prometheus metrics', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should report activities per state in the text format to an admin', async () => {
    const response = await t.http.get('/api/v1/metrics').set('Cookie', admin).expect(200);

    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.text).toContain('# TYPE autobuy_activities gauge');
    expect(response.text).toMatch(/^autobuy_activities\{state="queued"\} \d+$/m);
    expect(response.text).toMatch(/^autobuy_activities_running \d+$/m);
  });

  it('should let a scraper in with a read key and keep everyone else out', async () => {
    await t.http.get('/api/v1/metrics').expect(401);

    const created = await t.http
      .post('/api/v1/api-keys')
      .set('Cookie', admin)
      .send({ name: 'Prometheus', scopes: ['read'] })
      .expect(201);
    await t.http.get('/api/v1/metrics').set(API_KEY_HEADER, created.body.key).expect(200);
  });
});
