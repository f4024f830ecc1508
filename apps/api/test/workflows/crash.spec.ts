import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ActivityDetailDto, OrderDto } from '@autobuy/contracts';
import request from 'supertest';

import { ADMIN_PASSWORD, cookieFrom } from '../support/test-app';
import {
  type AppProcess,
  killGroup,
  killHard,
  startAppProcess,
  stopGently,
} from './support/app-processes';
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
  // Both cases are set up in the in-process app, which then hands the data over to processes.
  let hung: { order: OrderDto; sessionId: string };
  let bound: { order: OrderDto; sessionId: string };

  beforeAll(async () => {
    world = await World.start({ dataDir });
    const items = world.buyable(2, { distinctSellers: true });
    for (const login of ['c_buyer', 'c_bound']) {
      await world.addAccount(login, 100);
    }
    hung = {
      sessionId: (await world.session('c_buyer')).id,
      order: await world.importOrder(items.map((item, i) => world.line(item, `c${i}`))),
    };
    bound = {
      sessionId: (await world.session('c_bound')).id,
      order: await world.importOrder(items.map((item, i) => world.line(item, `b${i}`))),
    };
    await world.app.close({ keepData: true });
  });

  afterAll(async () => {
    for (const app of processes) {
      await stopGently(app);
    }
    await world?.sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string> = {}): Promise<{
    app: AppProcess;
    http: ReturnType<typeof request>;
    cookie: string;
  }> {
    const app = await startAppProcess(dataDir, { sandboxUrl: world.sandbox.url }, env);
    processes.push(app);
    const http = request(app.url);
    const login = await http
      .post('/api/v1/auth/login')
      .send({ login: 'admin', password: ADMIN_PASSWORD })
      .expect(200);

    return { app, http, cookie: cookieFrom(login.headers['set-cookie']) };
  }

  async function settled(
    app: { http: ReturnType<typeof request>; cookie: string },
    activityId: string,
  ): Promise<ActivityDetailDto> {
    return waitFor('the activity to end', async () => {
      const response = await app.http
        .get(`/api/v1/activities/${activityId}`)
        .set('Cookie', app.cookie);
      const activity = response.body as ActivityDetailDto;

      return ['succeeded', 'partly_succeeded', 'failed', 'waiting_for_operator'].includes(
        activity.state,
      )
        ? activity
        : null;
    });
  }

  type Started = Awaited<ReturnType<typeof start>>;

  async function reserveAll(app: Started, setup: { order: OrderDto; sessionId: string }) {
    const response = await app.http
      .post('/api/v1/reservations')
      .set('Cookie', app.cookie)
      .send({
        orderId: setup.order.id,
        itemIds: setup.order.items.map((item) => item.id),
        sessionId: setup.sessionId,
      })
      .expect(202);

    return response.body.activityId as string;
  }

  /** Both items reserved, each under one of the provider's orders, and no other order there. */
  async function expectReservedOnce(app: Started, order: OrderDto, login: string) {
    const truth = await world.sandbox.orders(login);
    expect(truth).toHaveLength(2);
    const after = (
      await app.http.get(`/api/v1/orders/${order.id}`).set('Cookie', app.cookie).expect(200)
    ).body as OrderDto;
    expect(after.items.map((item) => item.state)).toEqual(['reserved', 'reserved']);
    expect(after.items.map((item) => item.providerOrderNumber).sort()).toEqual(
      truth.map((one) => one.bizOrderId).sort(),
    );
  }

  it('should find and bind the created orders after the restart, placing none twice', async () => {
    const first = await start();
    await world.sandbox.control('POST', '/faults', {
      step: 'checkout.submit.after_create',
      mode: 'hang',
      login: 'c_buyer',
    });
    const activityId = await reserveAll(first, hung);
    // The provider created the orders; its answer never comes.
    await waitFor('the orders on the provider', async () =>
      (await world.sandbox.orders('c_buyer')).length === 2 ? true : null,
    );
    await killHard(first.app);
    await world.sandbox.control('DELETE', '/faults');

    const second = await start();
    const done = await settled(second, activityId);

    expect(done.state).toBe('succeeded');
    expect(done.counters).toMatchObject({ providerOrdersFound: 2 });
    await expectReservedOnce(second, hung.order, 'c_buyer');
  });

  it('should not submit again when killed after binding, before the checkpoint', async () => {
    for (const app of processes) {
      await stopGently(app);
    }
    const crashDir = mkdtempSync(join(tmpdir(), 'autobuy-crash-points-'));
    writeFileSync(join(crashDir, 'reserve.after-bind'), '');

    const first = await start({ AUTOBUY_CRASH_DIR: crashDir });
    const exited = new Promise((resolve) => first.app.child.once('exit', resolve));
    const activityId = await reserveAll(first, bound);
    // The worker binds the orders it created, then dies before recording that in its checkpoint.
    await exited;
    killGroup(first.app);
    rmSync(crashDir, { recursive: true, force: true });

    const second = await start();
    const done = await settled(second, activityId);

    expect(done.state).toBe('succeeded');
    await expectReservedOnce(second, bound.order, 'c_bound');
  });
});
