import {
  LIVE_EVENTS,
  type OrderDto,
  type OrderItemsMessage,
  WORKFLOW_LIVE_EVENTS,
} from '@autobuy/contracts';
import { io } from 'socket.io-client';

import { World } from './support/world';

jest.setTimeout(180_000);

describe('reserve against a live Sandbox in Chromium', () => {
  let world: World;
  let sessionId: string;

  beforeAll(async () => {
    world = await World.start();
    await world.addAccount('sandbox_buyer');
    sessionId = (await world.session('sandbox_buyer')).id;
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('should reserve items of two sellers as two provider orders that exist on the provider', async () => {
    const [a, b] = world.buyable(2, { distinctSellers: true });
    const order = await world.importOrder([world.line(a!, 'l1', 2), world.line(b!, 'l2')]);
    const itemIds = order.items.map((item) => item.id);

    const started = await world.reserve(order.id, itemIds, sessionId).expect(202);
    const activity = await world.settle(started.body.activityId);

    expect(activity.state).toBe('succeeded');
    expect(activity.counters).toMatchObject({ providerOrdersCreated: 2, itemsDone: 2 });
    const after = await world.order(order.id);
    const numbers = after.items.map((item) => item.providerOrderNumber);
    expect(after.items.map((item) => item.state)).toEqual(['reserved', 'reserved']);
    expect(after.items.every((item) => item.accountLogin === 'sandbox_buyer')).toBe(true);
    const truth = await world.sandbox.orders('sandbox_buyer');
    expect(truth.map((o) => o.bizOrderId).sort()).toEqual([...numbers].sort());
  });

  it('should let only one of two simultaneous reservations of the same items through (409 naming them)', async () => {
    const [a] = world.buyable(1);
    const order = await world.importOrder([world.line(a!, 'l1')]);
    const itemIds = order.items.map((item) => item.id);
    const before = (await world.sandbox.orders('sandbox_buyer')).length;

    const answers = await Promise.all([
      world.reserve(order.id, itemIds, sessionId),
      world.reserve(order.id, itemIds, sessionId),
    ]);

    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([202, 409]);
    const conflict = answers.find((answer) => answer.status === 409)!;
    expect(conflict.body.code).toBe('item_already_claimed');
    expect(conflict.body.details.itemIds).toEqual(itemIds);
    expect(conflict.body.message).toContain(a!.title);
    const winner = answers.find((answer) => answer.status === 202)!;
    expect((await world.settle(winner.body.activityId)).state).toBe('succeeded');
    expect((await world.sandbox.orders('sandbox_buyer')).length).toBe(before + 1);
  });

  it('should refuse a Tmall item with the reason and reserve the rest', async () => {
    const [tmall] = world.buyable(1, { tmall: true });
    const [plain] = world.buyable(1);
    const order = await world.importOrder([world.line(tmall!, 't1'), world.line(plain!, 'p1')]);

    const started = await world
      .reserve(
        order.id,
        order.items.map((item) => item.id),
        sessionId,
      )
      .expect(202);
    const activity = await world.settle(started.body.activityId);

    expect(activity.state).toBe('partly_succeeded');
    const [tmallItem, plainItem] = (await world.order(order.id)).items as OrderDto['items'];
    expect(tmallItem).toMatchObject({ state: 'refused' });
    expect(tmallItem!.stateReason).toMatch(/Tmall/);
    expect(activity.itemStates[tmallItem!.id]).toMatchObject({ state: 'refused' });
    expect(plainItem).toMatchObject({ state: 'reserved' });
  });

  it('should answer 400 for items of another order and for items already reserved, claiming nothing', async () => {
    const [a] = world.buyable(1);
    const one = await world.importOrder([world.line(a!, 'x1')]);
    const other = await world.importOrder([world.line(a!, 'y1')]);

    const foreign = await world.reserve(one.id, [other.items[0]!.id], sessionId).expect(400);
    expect(foreign.body.code).toBe('items_not_in_order');

    const started = await world.reserve(one.id, [one.items[0]!.id], sessionId).expect(202);
    await world.settle(started.body.activityId);
    const again = await world.reserve(one.id, [one.items[0]!.id], sessionId).expect(400);
    expect(again.body.code).toBe('items_not_available');
    expect((await world.order(other.id)).items[0]!.state).toBe('available');
  });

  it('should send the order room every item change as the item is after the commit', async () => {
    const [a] = world.buyable(1);
    const order = await world.importOrder([world.line(a!, 'live1')]);
    const socket = io(world.app.running.url ?? '', {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: world.admin },
    });
    const messages: OrderItemsMessage[] = [];
    socket.on(WORKFLOW_LIVE_EVENTS.orderItems, (message: OrderItemsMessage) =>
      messages.push(message),
    );
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      await socket.emitWithAck(LIVE_EVENTS.subscribe, { orderId: order.id });

      const started = await world.reserve(order.id, [order.items[0]!.id], sessionId).expect(202);
      await world.settle(started.body.activityId);
      const deadline = Date.now() + 5_000;
      while (messages.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      const last = messages.at(-1)!;
      expect(last.orderId).toBe(order.id);
      expect(last.items[0]).toMatchObject({ id: order.items[0]!.id, state: 'reserved' });
      expect(last.items[0]!.providerOrderNumber).toMatch(/^\d+$/);
    } finally {
      socket.close();
    }
  });
});
