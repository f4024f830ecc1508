import type { ImportOrderItemRequest, OrderDto } from '@autobuy/contracts';

import { SANDBOX_PASSWORD } from '../support/sandbox';
import { World } from './support/world';

jest.setTimeout(180_000);

const LOGIN = 'k_buyer';
const API_KEY = 'k-buyer-key';

/**
 * The same workflows through the Sandbox's Kitmall API: the account holds an API key, there is
 * no popup login and no warehouse profile (Kitmall orders carry no address).
 */
describe('reserve, sync, unbind and bind through the Kitmall API of a live Sandbox', () => {
  let world: World;
  let sessionId: string;
  let accountId: string;

  beforeAll(async () => {
    world = await World.start();
    await world.sandbox.control('POST', '/accounts', {
      login: LOGIN,
      password: SANDBOX_PASSWORD,
      challenge: 'none',
      dealLimit: 100,
      apiKey: API_KEY,
    });
    await world.http
      .patch('/api/v1/providers/kitmall')
      .set('Cookie', world.admin)
      .send({ enabled: true })
      .expect(200);
    const account = await world.http
      .post('/api/v1/accounts')
      .set('Cookie', world.admin)
      .send({ provider: 'kitmall', login: LOGIN, apiKey: API_KEY })
      .expect(201);
    accountId = (account.body as { id: string }).id;
    const session = await world.http
      .post('/api/v1/sessions')
      .set('Cookie', world.admin)
      .send({ provider: 'kitmall', accountId })
      .expect(201);
    sessionId = (session.body as { id: string }).id;
  });

  afterAll(async () => {
    await world?.stop();
  });

  afterEach(async () => {
    await world.sandbox.control('POST', '/config', { latencyRules: [] });
  });

  function kitmallLine(index: number, externalId: string): ImportOrderItemRequest {
    const item = world.buyable(4, { distinctSellers: true })[index];
    if (!item) {
      throw new Error(`the catalogue has no buyable item ${index}`);
    }

    return { ...world.line(item, externalId), provider: 'kitmall' };
  }

  async function reserved(lines: ImportOrderItemRequest[]): Promise<OrderDto> {
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

  /** Waits until the Sandbox holds a second, still unanswered read of the Kitmall item. */
  async function secondReadOf(itemId: string): Promise<void> {
    for (;;) {
      const { requests } = await world.sandbox.control<{
        requests: { method: string; path: string; status: number }[];
      }>('GET', '/requests?area=kitmall');
      const reads = requests.filter(
        (entry) => entry.method === 'GET' && entry.path === `/kitmall/api/v1/items/${itemId}`,
      );
      if (reads.length >= 2 && reads[1]!.status === 0) {
        return;
      }
      if (reads.length >= 2) {
        throw new Error(`the second read of ${itemId} was answered before the stock changed`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function sync() {
    const started = await world.http
      .post(`/api/v1/sessions/${sessionId}/sync`)
      .set('Cookie', world.admin)
      .expect(202);

    return world.settle(started.body.activityId);
  }

  it('should reserve one Kitmall order per seller, with no address, and sync payment and shipment with tracking', async () => {
    const order = await reserved([kitmallLine(0, 'k1'), kitmallLine(1, 'k2')]);
    const [paid, shipped] = order.items.map((item) => item.providerOrderNumber!);

    const truth = await world.sandbox.orders(LOGIN);
    expect(truth.map((one) => one.bizOrderId).sort()).toEqual([paid, shipped].sort());
    const detail = await world.sandbox.control<{ channel: string; address: unknown }>(
      'GET',
      `/orders/${paid}`,
    );
    expect(detail).toMatchObject({ channel: 'kitmall', address: null });

    await world.sandbox.control('POST', `/orders/${paid}/pay`);
    await world.sandbox.control('POST', `/orders/${shipped}/pay`);
    await world.sandbox.control('POST', `/orders/${shipped}/ship`, { expressId: 'YT9876543210' });
    expect((await sync()).state).toBe('succeeded');

    const items = (await world.order(order.id)).items;
    expect(items.map((item) => item.state)).toEqual(['paid', 'shipped']);
    expect(items[1]!.trackingNumber).toBe('YT9876543210');
    expect(items.every((item) => item.accountLogin === LOGIN)).toBe(true);
  });

  it('should cancel the Kitmall order of an unbound item and bind an order placed through the API by hand', async () => {
    const order = await reserved([kitmallLine(2, 'u1')]);
    const number = order.items[0]!.providerOrderNumber!;
    const unbound = await world.http
      .post('/api/v1/unbindings')
      .set('Cookie', world.admin)
      .send({ orderId: order.id, itemIds: [order.items[0]!.id], accountId })
      .expect(202);
    expect((await world.settle(unbound.body.activityId)).state).toBe('succeeded');
    expect((await world.order(order.id)).items[0]!.state).toBe('available');
    const truth = await world.sandbox.orders(LOGIN);
    expect(truth.find((one) => one.bizOrderId === number)?.status).toBe('TRADE_CLOSED_BY_TAOBAO');

    const line = order.items[0]!;
    const placed = await fetch(`${world.sandbox.url}/kitmall/api/v1/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': API_KEY },
      body: JSON.stringify({
        items: [{ itemId: line.providerItemId, skuId: line.skuId, quantity: line.quantity }],
      }),
    });
    const byHand = ((await placed.json()) as { orders: { orderId: string }[] }).orders[0]!.orderId;
    const bound = await world.http
      .post('/api/v1/bindings')
      .set('Cookie', world.admin)
      .send({ orderId: order.id, accountId, providerOrderNumber: byHand })
      .expect(202);

    expect((await world.settle(bound.body.activityId)).state).toBe('succeeded');
    expect((await world.order(order.id)).items[0]).toMatchObject({
      state: 'reserved',
      providerOrderNumber: byHand,
    });
  });

  it('should refuse an item whose Kitmall stock ran out after the offer check, with the reason, and reserve the rest', async () => {
    const order = await world.importOrder([kitmallLine(3, 's1'), kitmallLine(0, 's2')]);
    const [gone, kept] = order.items;
    const before = new Set((await world.sandbox.orders(LOGIN)).map((one) => one.bizOrderId));
    // Slow item reads leave time to empty the stock between the offer check's read and the
    // adapter's read just before the order (the second read of the item on the Sandbox).
    await world.sandbox.control('POST', '/config', {
      latencyRules: [{ pathPrefix: '/kitmall/api/v1/items/', ms: 2_000 }],
    });
    const started = await world
      .reserve(
        order.id,
        order.items.map((item) => item.id),
        sessionId,
      )
      .expect(202);
    await secondReadOf(gone!.providerItemId);
    await world.sandbox.control('PATCH', `/items/${gone!.providerItemId}`, { stock: 0 });

    const done = await world.settle(started.body.activityId);

    expect(done.state).toBe('partly_succeeded');
    expect(done.itemStates[gone!.id]).toMatchObject({ state: 'refused' });
    const items = (await world.order(order.id)).items;
    expect(items[0]).toMatchObject({ state: 'refused', providerOrderNumber: null });
    expect(items[0]!.stateReason).toBe('The provider does not sell this item: only 0 left');
    expect(items[1]).toMatchObject({ id: kept!.id, state: 'reserved' });
    const created = (await world.sandbox.orders(LOGIN)).filter(
      (one) => !before.has(one.bizOrderId),
    );
    expect(created.map((one) => one.bizOrderId)).toEqual([items[1]!.providerOrderNumber]);
  });
});
