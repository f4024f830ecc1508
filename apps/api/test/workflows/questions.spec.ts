import { World } from './support/world';

jest.setTimeout(180_000);

/** Questions of a reservation and what each answer does. */
describe('reserve questions against a live Sandbox in Chromium', () => {
  let world: World;
  let sessionId: string;
  let otherSessionId: string;

  beforeAll(async () => {
    world = await World.start();
    await world.addAccount('q_buyer', 100);
    await world.addAccount('q_limited', 1);
    sessionId = (await world.session('q_buyer')).id;
    otherSessionId = (await world.session('q_limited')).id;
  });

  afterAll(async () => {
    await world?.stop();
  });

  async function reserveOne(skuIndex: number, change: Record<string, unknown>) {
    const [item] = world.buyable(1);
    const line = world.line(item!, 'l1', 1, skuIndex);
    await world.sandbox.control('PATCH', `/items/${item!.itemId}`, {
      skus: { [line.skuId!]: change },
    });
    const order = await world.importOrder([line]);
    const started = await world.reserve(order.id, [order.items[0]!.id], sessionId).expect(202);

    return { order, activity: await world.settle(started.body.activityId) };
  }

  it('should ask about a price beyond the tolerance and reserve at the new price when accepted', async () => {
    const { order, activity } = await reserveOne(1, { price: '999.00' });

    expect(activity.state).toBe('waiting_for_operator');
    expect(activity.openQuestion?.options.map((option) => option.id)).toEqual([
      'accept_price',
      'cancel_item',
      'skip_item',
      'abort',
    ]);
    expect(activity.openQuestion?.context).toMatchObject({ newPrice: '999.00' });
    const done = await world.answer(activity, 'accept_price');
    expect(done.state).toBe('succeeded');
    expect((await world.order(order.id)).items[0]!.state).toBe('reserved');
  });

  it('should skip an item out of stock and leave it available with the reason', async () => {
    const { order, activity } = await reserveOne(2, { stock: 0 });

    expect(activity.openQuestion?.context).toMatchObject({ stock: 0 });
    const done = await world.answer(activity, 'skip_item');
    expect(done.state).toBe('failed');
    expect(done.itemStates[order.items[0]!.id]).toMatchObject({ state: 'skipped' });
    const item = (await world.order(order.id)).items[0]!;
    expect(item.state).toBe('available');
    expect(item.stateReason).toMatch(/Skipped/);
  });

  it('should cancel an item whose configuration is gone, refusing it with the reason', async () => {
    const [item] = world.buyable(1);
    const line = world.line(item!, 'l1', 1, 3);
    await world.sandbox.control('PATCH', `/items/${item!.itemId}`, { removeSkuIds: [line.skuId] });
    const order = await world.importOrder([line]);
    const started = await world.reserve(order.id, [order.items[0]!.id], sessionId).expect(202);
    const asked = await world.settle(started.body.activityId);

    expect(asked.openQuestion?.options.map((option) => option.id)).toEqual([
      'cancel_item',
      'skip_item',
      'abort',
    ]);
    const done = await world.answer(asked, 'cancel_item');
    expect(done.itemStates[order.items[0]!.id]).toMatchObject({ state: 'cancelled' });
    expect((await world.order(order.id)).items[0]!.state).toBe('refused');
  });

  it('should abort the whole reservation and free every item', async () => {
    const [a, b] = world.buyable(2, { distinctSellers: true });
    const changed = world.line(a!, 'l1', 1, 4);
    await world.sandbox.control('PATCH', `/items/${a!.itemId}`, {
      skus: { [changed.skuId!]: { price: '1.00' } },
    });
    const order = await world.importOrder([changed, world.line(b!, 'l2')]);
    const before = (await world.sandbox.orders('q_buyer')).length;
    const started = await world
      .reserve(
        order.id,
        order.items.map((item) => item.id),
        sessionId,
      )
      .expect(202);

    const done = await world.answer(await world.settle(started.body.activityId), 'abort');

    expect(done.state).toBe('aborted');
    expect((await world.order(order.id)).items.map((item) => item.state)).toEqual([
      'available',
      'available',
    ]);
    expect((await world.sandbox.orders('q_buyer')).length).toBe(before);
  });

  it('should ask on a deal limit and continue on the chosen session', async () => {
    const [a, b] = world.buyable(2, { distinctSellers: true });
    const order = await world.importOrder([world.line(a!, 'l1'), world.line(b!, 'l2')]);
    const started = await world
      .reserve(
        order.id,
        order.items.map((item) => item.id),
        otherSessionId,
      )
      .expect(202);
    const asked = await world.settle(started.body.activityId);

    expect(asked.openQuestion?.options.map((option) => option.id)).toEqual([
      `switch_session:${sessionId}`,
      'stop',
    ]);
    const done = await world.answer(asked, `switch_session:${sessionId}`);
    expect(done.state).toBe('succeeded');
    const items = (await world.order(order.id)).items;
    expect(items.map((item) => item.accountLogin)).toEqual(['q_buyer', 'q_buyer']);
    expect(await world.sandbox.orders('q_limited')).toEqual([]);
  });

  it('should stop on a deal limit when told so, freeing the items', async () => {
    const [a, b] = world.buyable(2, { distinctSellers: true });
    const order = await world.importOrder([world.line(a!, 'l1'), world.line(b!, 'l2')]);
    const started = await world
      .reserve(
        order.id,
        order.items.map((item) => item.id),
        otherSessionId,
      )
      .expect(202);

    const done = await world.answer(await world.settle(started.body.activityId), 'stop');

    expect(done.state).toBe('aborted');
    expect(done.reason).toMatch(/limit of unpaid orders/);
    expect((await world.order(order.id)).items.every((item) => item.state === 'available')).toBe(
      true,
    );
  });
});
