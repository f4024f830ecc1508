import { World } from './support/world';

jest.setTimeout(180_000);

/** A cancelled reservation gives its items back; what may exist on the provider is looked up. */
describe('cancelling a reservation against a live Sandbox in Chromium', () => {
  let world: World;

  beforeAll(async () => {
    world = await World.start();
  });

  afterAll(async () => {
    await world?.stop();
  });

  afterEach(async () => {
    await world.sandbox.control('DELETE', '/faults');
    await world.sandbox.control('POST', '/config', { latencyRules: [] });
  });

  async function setup(login: string) {
    await world.addAccount(login, 100);
    const session = await world.session(login);
    const items = world.buyable(2, { distinctSellers: true });
    const order = await world.importOrder(items.map((item, i) => world.line(item, `l${i}`)));

    return { session, order, itemIds: order.items.map((item) => item.id) };
  }

  /**
   * The orders are created but the answer fails, and the order list cannot be read: the
   * reservation fails with its items of unknown outcome.
   */
  async function failAfterCreating(login: string) {
    const setupDone = await setup(login);
    await world.sandbox.control('POST', '/faults', {
      step: 'checkout.submit.after_create',
      mode: 'fail',
      login,
    });
    await world.sandbox.control('POST', '/faults', {
      step: 'orders.list',
      mode: 'fail',
      login,
      times: 1_000,
    });
    const { session, order, itemIds } = setupDone;
    const started = await world.reserve(order.id, itemIds, session.id).expect(202);
    const failed = await world.settle(started.body.activityId);
    expect(failed.state).toBe('failed');

    return { ...setupDone, failed };
  }

  async function itemStates(orderId: string) {
    return (await world.order(orderId)).items.map((item) => item.state);
  }

  it('should leave no item reserving when cancelled mid-run: each is free or bound to one real order', async () => {
    const { session, order, itemIds } = await setup('c_running');
    // Slow offers keep the activity running long enough to cancel it mid-run.
    await world.sandbox.control('POST', '/config', {
      latencyRules: [{ pathPrefix: '/item.htm', ms: 3_000 }],
    });

    const started = await world.reserve(order.id, itemIds, session.id).expect(202);
    await world.runningStep(started.body.activityId, 'check');
    const done = await world.cancel(started.body.activityId);

    expect(done.state).toBe('cancelled');
    const items = (await world.order(order.id)).items;
    const truth = await world.sandbox.orders('c_running');
    const numbers = items.flatMap((item) => item.providerOrderNumber ?? []);
    for (const item of items) {
      expect(['available', 'reserved']).toContain(item.state);
      expect(item.providerOrderNumber === null).toBe(item.state === 'available');
    }
    // Every order on the provider is one an item is bound to, and none was placed twice.
    expect(truth.map((one) => one.bizOrderId).sort()).toEqual([...new Set(numbers)].sort());
  });

  it('should free every item with the reason when cancelled at a question before any submit', async () => {
    await world.addAccount('c_question', 100);
    const session = await world.session('c_question');
    const [a, b] = world.buyable(2, { distinctSellers: true });
    // Another SKU than the other tests buy, so its new price changes only this test.
    const changed = world.line(a!, 'q1', 1, 1);
    await world.sandbox.control('PATCH', `/items/${a!.itemId}`, {
      skus: { [changed.skuId!]: { price: '999.00' } },
    });
    const order = await world.importOrder([changed, world.line(b!, 'q2')]);
    const itemIds = order.items.map((item) => item.id);

    const started = await world.reserve(order.id, itemIds, session.id).expect(202);
    const asked = await world.settle(started.body.activityId);
    expect(asked.openQuestion?.options.map((option) => option.id)).toContain('accept_price');
    const done = await world.cancel(asked.id);

    expect(done.state).toBe('cancelled');
    const items = (await world.order(order.id)).items;
    expect(items.map((item) => item.state)).toEqual(['available', 'available']);
    expect(items[0]!.stateReason).toMatch(/cancelled before this item was ordered/);
    expect(items[0]!.providerOrderNumber).toBeNull();
    expect(done.itemStates[itemIds[0]!]).toMatchObject({ state: 'cancelled' });
    expect(await world.sandbox.orders('c_question')).toEqual([]);
  });

  it('should bind what the provider created and free the rest when cancelled at the unclear-submit question', async () => {
    const { session, order, itemIds } = await setup('c_unclear');
    await world.sandbox.control('POST', '/faults', {
      step: 'checkout.submit.partial',
      mode: 'fail',
      login: 'c_unclear',
    });

    const started = await world.reserve(order.id, itemIds, session.id).expect(202);
    const asked = await world.settle(started.body.activityId);
    expect(asked.openQuestion?.options.map((option) => option.id)).toEqual([
      'resubmit',
      'mark_failed',
    ]);
    const done = await world.cancel(asked.id);

    expect(done.state).toBe('cancelled');
    const truth = await world.sandbox.orders('c_unclear');
    expect(truth).toHaveLength(1);
    const items = (await world.order(order.id)).items;
    expect(items.map((item) => item.state)).toEqual(['reserved', 'available']);
    expect(items[0]!.providerOrderNumber).toBe(truth[0]!.bizOrderId);
    expect(items[1]!.stateReason).toMatch(/order list holds no order for this item/);
  });

  it('should settle a failed reservation against the order list when the operator gives up its retry', async () => {
    const { order, failed } = await failAfterCreating('c_failed');
    expect(await itemStates(order.id)).toEqual(['reserving', 'reserving']);

    const stillBlind = await world.cancel(failed.id);
    expect(stillBlind.state).toBe('failed');
    expect(stillBlind.reason).toMatch(/^Cancelling did not finish/);
    expect(await itemStates(order.id)).toEqual(['reserving', 'reserving']);

    await world.sandbox.control('DELETE', '/faults');
    const done = await world.cancel(failed.id);

    expect(done.state).toBe('cancelled');
    const truth = await world.sandbox.orders('c_failed');
    expect(truth).toHaveLength(2);
    const numbers = (await world.order(order.id)).items.map((item) => item.providerOrderNumber);
    expect(await itemStates(order.id)).toEqual(['reserved', 'reserved']);
    expect([...numbers].sort()).toEqual(truth.map((one) => one.bizOrderId).sort());
  });

  it('should finish a failed reservation on retry once the account is logged in again', async () => {
    const { session, order, failed } = await failAfterCreating('c_relogin');

    // "Log in again": a new login replaces the session the reservation started on.
    await world.sandbox.control('DELETE', '/faults');
    const newer = await world.session('c_relogin');
    await world.http
      .post(`/api/v1/activities/${failed.id}/retry`)
      .set('Cookie', world.admin)
      .expect(200);
    const done = await world.settle(failed.id);

    expect(newer.id).not.toBe(session.id);
    expect(done.state).toBe('succeeded');
    const truth = await world.sandbox.orders('c_relogin');
    expect(truth).toHaveLength(2);
    expect(await itemStates(order.id)).toEqual(['reserved', 'reserved']);
  });
});
