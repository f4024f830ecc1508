import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ActivityDetailDto, OrderDto } from '@autobuy/contracts';
import request from 'supertest';

import { ADMIN_PASSWORD, cookieFrom } from '../support/test-app';
import { type AppProcess, killHard, startAppProcess, stopGently } from './support/app-processes';
import { World } from './support/world';

jest.setTimeout(240_000);

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A worker process killed between the submit and its confirmation, then started again. */
describe('reserve across a crash of the worker process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'autobuy-crash-'));
  let world: World;
  const processes: AppProcess[] = [];

  beforeAll(async () => {
    world = await World.start({ dataDir });
  });

  afterAll(async () => {
    for (const app of processes) {
      await stopGently(app);
    }
    await world?.sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<{
    app: AppProcess;
    http: ReturnType<typeof request>;
    cookie: string;
  }> {
    const app = await startAppProcess(dataDir, { sandboxUrl: world.sandbox.url });
    processes.push(app);
    const http = request(app.url);
    const login = await http
      .post('/api/v1/auth/login')
      .send({ login: 'admin', password: ADMIN_PASSWORD })
      .expect(200);

    return { app, http, cookie: cookieFrom(login.headers['set-cookie']) };
  }

  it('should find and bind the created orders after the restart, placing none twice', async () => {
    await world.addAccount('c_buyer', 100);
    const session = await world.session('c_buyer');
    const items = world.buyable(2, { distinctSellers: true });
    const order = await world.importOrder(items.map((item, i) => world.line(item, `c${i}`)));
    await world.app.close({ keepData: true });

    const first = await start();
    await world.sandbox.control('POST', '/faults', {
      step: 'checkout.submit.after_create',
      mode: 'hang',
      login: 'c_buyer',
    });
    const started = await first.http
      .post('/api/v1/reservations')
      .set('Cookie', first.cookie)
      .send({
        orderId: order.id,
        itemIds: order.items.map((item) => item.id),
        sessionId: session.id,
      })
      .expect(202);
    // The provider created the orders; its answer never comes.
    await waitFor('the orders on the provider', async () =>
      (await world.sandbox.orders('c_buyer')).length === 2 ? true : null,
    );
    await killHard(first.app);
    await world.sandbox.control('DELETE', '/faults');

    const second = await start();
    const done = await waitFor('the activity to end', async () => {
      const response = await second.http
        .get(`/api/v1/activities/${started.body.activityId}`)
        .set('Cookie', second.cookie);
      const activity = response.body as ActivityDetailDto;

      return ['succeeded', 'partly_succeeded', 'failed', 'waiting_for_operator'].includes(
        activity.state,
      )
        ? activity
        : null;
    });

    expect(done.state).toBe('succeeded');
    expect(done.counters).toMatchObject({ providerOrdersFound: 2 });
    const truth = await world.sandbox.orders('c_buyer');
    expect(truth).toHaveLength(2);
    const after = (
      await second.http.get(`/api/v1/orders/${order.id}`).set('Cookie', second.cookie).expect(200)
    ).body as OrderDto;
    expect(after.items.map((item) => item.state)).toEqual(['reserved', 'reserved']);
    expect(after.items.map((item) => item.providerOrderNumber).sort()).toEqual(
      truth.map((one) => one.bizOrderId).sort(),
    );
  });
});
