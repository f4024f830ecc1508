import { API_KEY_HEADER } from '@autobuy/contracts';
import { io, type Socket } from 'socket.io-client';

import { startTestApp, type TestApp } from './support/test-app';

/** The value of an unlabelled sample, or null when the metric is missing. */
function sample(text: string, name: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));

  return line ? Number(line.slice(name.length + 1)) : null;
}

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

  const scrape = async (): Promise<string> =>
    (await t.http.get('/api/v1/metrics').set('Cookie', admin).expect(200)).text;

  it('should report activities per state in the text format to an admin', async () => {
    const response = await t.http.get('/api/v1/metrics').set('Cookie', admin).expect(200);

    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.text).toContain('# TYPE autobuy_activities gauge');
    expect(response.text).toMatch(/^autobuy_activities\{state="queued"\} \d+$/m);
    expect(response.text).toMatch(/^autobuy_activities_running \d+$/m);
  });

  it('should name queue depth, step durations, browser pool size and socket clients', async () => {
    const text = await scrape();

    expect(text).toContain('# TYPE autobuy_activity_outcomes_total counter');
    expect(text).toContain('# TYPE autobuy_activity_step_duration_seconds histogram');
    expect(sample(text, 'autobuy_queue_depth')).toBe(0);
    // Chromium starts with the first browser job; none has run here.
    expect(sample(text, 'autobuy_browser_pool_browsers')).toBe(0);
    expect(sample(text, 'autobuy_socket_clients')).toBe(0);
  });

  it('should count the sockets connected to the live channel', async () => {
    const socket: Socket = io(t.running.url ?? '', {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: admin },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });

      expect(sample(await scrape(), 'autobuy_socket_clients')).toBe(1);
    } finally {
      socket.disconnect();
    }
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
