import { connect, createServer, type Server, type Socket } from 'node:net';

import { REDIS_URL } from './activities/support/test-database';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A TCP relay in front of the test Redis that can stop taking new connections. The app's queue
 * and live-channel clients keep their established connections (cutting those would test BullMQ's
 * reconnects, not readiness); each readiness probe opens a new one, which is refused.
 */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: URL) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(Number(this.target.port || 6379), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** New connections are refused from now on; open ones stay. */
  refuseNew(): void {
    this.server?.close();
    this.server = null;
  }

  close(): void {
    this.refuseNew();
    for (const socket of this.sockets) {
      socket.destroy();
    }
  }
}

describe('readiness', () => {
  it('should answer 503 naming redis while Redis is unreachable, and 200 once it is back', async () => {
    const relay = new Relay(new URL(REDIS_URL));
    await relay.open();
    const t: TestApp = await startTestApp({
      config: {
        redisUrl: `redis://127.0.0.1:${relay.port}`,
        redisPrefix: `autobuy-health-${process.pid}-${Date.now()}`,
      },
    });
    try {
      const up = await t.http.get('/api/v1/health/ready').expect(200);
      expect(up.body).toEqual({
        status: 'ok',
        checks: { database: 'ok', redis: 'ok', browserPool: 'ok' },
      });

      relay.refuseNew();
      const down = await t.http.get('/api/v1/health/ready').expect(503);
      expect(down.body).toEqual({
        status: 'error',
        checks: { database: 'ok', redis: 'error', browserPool: 'ok' },
      });
      // Liveness stays green: restarting the process would not bring Redis back.
      await t.http.get('/api/v1/health/live').expect(200);

      await relay.open();
      await t.http.get('/api/v1/health/ready').expect(200);
    } finally {
      await t.close();
      relay.close();
    }
  }, 30_000);

  it('should answer 503 naming the browser pool when Chromium is not where it is configured', async () => {
    const t = await startTestApp({ config: { chromiumPath: '/nonexistent/chromium' } });
    try {
      const response = await t.http.get('/api/v1/health/ready').expect(503);

      expect(response.body).toEqual({
        status: 'error',
        checks: { database: 'ok', browserPool: 'error' },
      });
    } finally {
      await t.close();
    }
  });

  it('should leave the browser pool out of an API-only process, which never opens a browser', async () => {
    const t = await startTestApp({
      config: { role: 'api', chromiumPath: '/nonexistent/chromium' },
    });
    try {
      const response = await t.http.get('/api/v1/health/ready').expect(200);

      expect(response.body).toEqual({ status: 'ok', checks: { database: 'ok' } });
    } finally {
      await t.close();
    }
  });
});
