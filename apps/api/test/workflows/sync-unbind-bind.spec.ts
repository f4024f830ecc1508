import { type ProviderJob, withJob } from '@autobuy/provider-adapters';

import { ProviderAccess } from '../../src/sessions/provider-access';
import { World, WAREHOUSE } from './support/world';

jest.setTimeout(180_000);

describe('synchronize, unbind and bind against a live Sandbox in Chromium', () => {
  let world: World;
  let sessionId: string;
  const login = 's_buyer';

  beforeAll(async () => {
    world = await World.start();
    await world.addAccount(login, 100);
    sessionId = (await world.session(login)).id;
  });

  afterAll(async () => {
    await world?.stop();
  });

  async function reserved(lines: Parameters<World['importOrder']>[0]) {
    const order = await world.importOrder(lines);
    const started = await world
      .reserve(
        order.id,
        order.items.map((item) => item.id),
        sessionId,
      )
      .expect(202);
    expect((await world.settle(started.body.activityId)).state).toBe('succeeded');

    return world.order(order.id);
  }

  async function sync() {
    const started = await world.http
      .post(`/api/v1/sessions/${sessionId}/sync`)
      .set('Cookie', world.admin)
      .expect(202);

    return world.settle(started.body.activityId);
  }

  it('should move items to paid, shipped with tracking, finished, and free those of an order closed unpaid', async () => {
    const items = world.buyable(4, { distinctSellers: true });
    const order = await reserved(items.map((item, i) => world.line(item, `l${i}`)));
    const [paid, shipped, finished, closed] = order.items.map((item) => item.providerOrderNumber!);
    await world.sandbox.control('POST', `/orders/${paid}/pay`);
    await world.sandbox.control('POST', `/orders/${shipped}/pay`);
    await world.sandbox.control('POST', `/orders/${shipped}/ship`, { expressId: 'SF1234567890' });
    await world.sandbox.control('POST', `/orders/${finished}/pay`);
    await world.sandbox.control('POST', `/orders/${finished}/ship`, {});
    await world.sandbox.control('POST', `/orders/${finished}/finish`);
    await world.sandbox.control('POST', `/orders/${closed}/close`);

    const done = await sync();

    expect(done.state).toBe('succeeded');
    const after = (await world.order(order.id)).items;
    expect(after.map((item) => item.state)).toEqual(['paid', 'shipped', 'finished', 'available']);
    expect(after[1]!.trackingNumber).toBe('SF1234567890');
    expect(after[3]!.stateReason).toMatch(/closed unpaid/);
    expect(after[3]!.providerOrderNumber).toBeNull();

    const sessions = await world.http
      .get('/api/v1/sessions')
      .set('Cookie', world.admin)
      .expect(200);
    const synced = sessions.body.find((session: { id: string }) => session.id === sessionId);
    expect(synced.lastSyncAt).not.toBeNull();
  });

  it('should refuse to unbind a paid order and say so', async () => {
    const [item] = world.buyable(1);
    const order = await reserved([world.line(item!, 'p1')]);
    await world.sandbox.control('POST', `/orders/${order.items[0]!.providerOrderNumber}/pay`);
    await sync();

    const refused = await world.http
      .post('/api/v1/unbindings')
      .set('Cookie', world.admin)
      .send({
        orderId: order.id,
        itemIds: [order.items[0]!.id],
        accountId: order.items[0]!.accountId,
      })
      .expect(409);

    expect(refused.body.code).toBe('order_paid');
  });

  it('should cancel the provider order of an unbound item and return the item to available', async () => {
    const [item] = world.buyable(1);
    const order = await reserved([world.line(item!, 'u1')]);
    const number = order.items[0]!.providerOrderNumber!;

    const started = await world.http
      .post('/api/v1/unbindings')
      .set('Cookie', world.admin)
      .send({
        orderId: order.id,
        itemIds: [order.items[0]!.id],
        accountId: order.items[0]!.accountId,
      })
      .expect(202);
    const done = await world.settle(started.body.activityId);

    expect(done.state).toBe('succeeded');
    expect((await world.order(order.id)).items[0]!.state).toBe('available');
    const truth = await world.sandbox.orders(login);
    expect(truth.find((one) => one.bizOrderId === number)?.status).toBe('TRADE_CLOSED_BY_TAOBAO');
  });

  it('should ask before cancelling an order that holds other items, and keep it when told', async () => {
    const [item] = world.buyable(1);
    const order = await reserved([world.line(item!, 'a', 1, 0), world.line(item!, 'b', 1, 1)]);
    expect(order.items[0]!.providerOrderNumber).toBe(order.items[1]!.providerOrderNumber);
    const body = {
      orderId: order.id,
      itemIds: [order.items[0]!.id],
      accountId: order.items[0]!.accountId,
    };

    const first = await world.http.post('/api/v1/unbindings').set('Cookie', world.admin).send(body);
    const asked = await world.settle(first.body.activityId);
    expect(asked.openQuestion?.options.map((option) => option.id)).toEqual([
      'cancel_all',
      'keep_order',
    ]);
    const kept = await world.answer(asked, 'keep_order');
    expect(kept.state).toBe('aborted');
    expect((await world.order(order.id)).items.map((one) => one.state)).toEqual([
      'reserved',
      'reserved',
    ]);

    const second = await world.http
      .post('/api/v1/unbindings')
      .set('Cookie', world.admin)
      .send(body);
    const all = await world.answer(await world.settle(second.body.activityId), 'cancel_all');
    expect(all.state).toBe('succeeded');
    expect((await world.order(order.id)).items.map((one) => one.state)).toEqual([
      'available',
      'available',
    ]);
  });

  it('should bind an order placed on the provider by hand and refuse it for another shop order', async () => {
    const [item] = world.buyable(1);
    const line = world.line(item!, 'h1');
    const { access } = await world.app.running.app.get(ProviderAccess).accountAccess(sessionId);
    const adapter = world.app.running.app.get(ProviderAccess).adapterFor('sandbox');
    const placed = await withJob(adapter, access, (job: ProviderJob) =>
      job.reserve({
        lines: [{ lineId: 'x', itemId: line.providerItemId, skuId: line.skuId!, quantity: 1 }],
        address: WAREHOUSE,
      }),
    );
    const number = placed.orders[0]!.orderNumber;
    const unrelated = world.buyable(2, { distinctSellers: true })[1]!;
    const order = await world.importOrder([line, world.line(unrelated, 'h2')]);
    const body = { orderId: order.id, accountId: access.accountId, providerOrderNumber: number };

    const started = await world.http
      .post('/api/v1/bindings')
      .set('Cookie', world.admin)
      .send(body)
      .expect(202);
    const done = await world.settle(started.body.activityId);

    expect(done.state).toBe('succeeded');
    const items = (await world.order(order.id)).items;
    expect(items[0]).toMatchObject({ state: 'reserved', providerOrderNumber: number });
    expect(items[1]).toMatchObject({ state: 'available' });

    const other = await world.importOrder([line]);
    const again = await world.http
      .post('/api/v1/bindings')
      .set('Cookie', world.admin)
      .send({ ...body, orderId: other.id })
      .expect(202);
    const refused = await world.settle(again.body.activityId);
    expect(refused.state).toBe('failed');
    expect(refused.reason).toMatch(/already bound to another shop order/);
  });
});
