import { World } from './support/world';

jest.setTimeout(180_000);

/**
 * A two-seller checkout where the second seller's order fails after the first one's was created
 * (the Sandbox's `checkout.submit.partial`): the order list explains only part of the submit, so
 * the operator is asked whether to submit the rest again.
 */
describe('the unclear-submit question against a live Sandbox in Chromium', () => {
  let world: World;

  beforeAll(async () => {
    world = await World.start();
  });

  afterAll(async () => {
    await world?.stop();
  });

  afterEach(async () => {
    await world.sandbox.control('DELETE', '/faults');
  });

  async function askAfterPartialSubmit(login: string) {
    await world.addAccount(login, 100);
    const session = await world.session(login);
    const items = world.buyable(2, { distinctSellers: true });
    const order = await world.importOrder(items.map((item, i) => world.line(item, `l${i}`)));
    await world.sandbox.control('POST', '/faults', {
      step: 'checkout.submit.partial',
      mode: 'fail',
      login,
    });
    const started = await world
      .reserve(
        order.id,
        order.items.map((item) => item.id),
        session.id,
      )
      .expect(202);
    const asked = await world.settle(started.body.activityId);

    expect(asked.state).toBe('waiting_for_operator');
    expect(asked.openQuestion?.options.map((option) => option.id)).toEqual([
      'resubmit',
      'mark_failed',
    ]);
    expect(asked.openQuestion?.context).toEqual({ titles: [order.items[1]!.title] });
    const truth = await world.sandbox.orders(login);
    expect(truth).toHaveLength(1);

    return { order, asked, firstOrder: truth[0]!.bizOrderId };
  }

  it('should order only the missing items once when told to resubmit', async () => {
    const { order, asked, firstOrder } = await askAfterPartialSubmit('u_resubmit');

    const done = await world.answer(asked, 'resubmit');

    expect(done.state).toBe('succeeded');
    const truth = await world.sandbox.orders('u_resubmit');
    expect(truth).toHaveLength(2);
    expect(truth.map((one) => one.subOrders.length)).toEqual([1, 1]);
    const items = (await world.order(order.id)).items;
    expect(items.map((item) => item.state)).toEqual(['reserved', 'reserved']);
    expect(items[0]!.providerOrderNumber).toBe(firstOrder);
    expect(items[1]!.providerOrderNumber).toBe(
      truth.find((one) => one.bizOrderId !== firstOrder)?.bizOrderId,
    );
  });

  it('should free the missing items with the reason when told to mark them failed', async () => {
    const { order, asked, firstOrder } = await askAfterPartialSubmit('u_failed');

    const done = await world.answer(asked, 'mark_failed');

    expect(done.state).toBe('partly_succeeded');
    expect(await world.sandbox.orders('u_failed')).toHaveLength(1);
    const [first, second] = (await world.order(order.id)).items;
    expect(first).toMatchObject({ state: 'reserved', providerOrderNumber: firstOrder });
    expect(second).toMatchObject({ state: 'available', providerOrderNumber: null });
    expect(second!.stateReason).toMatch(/no clear outcome and the operator marked the item failed/);
    expect(done.itemStates[second!.id]).toMatchObject({ state: 'failed' });
  });
});
