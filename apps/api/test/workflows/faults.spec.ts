import { World } from './support/world';

jest.setTimeout(180_000);

/** Provider failures during a reservation: never a duplicate order, never a lost one. */
describe('reserve faults against a live Sandbox in Chromium', () => {
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

  async function setup(login: string, sellers = 2) {
    await world.addAccount(login, 100);
    const session = await world.session(login);
    const items = world.buyable(sellers, { distinctSellers: true });
    const order = await world.importOrder(items.map((item, i) => world.line(item, `l${i}`)));

    return { session, order, itemIds: order.items.map((item) => item.id) };
  }

  it('should find the orders of a submit whose answer failed after they were created, placing none twice', async () => {
    const { session, order, itemIds } = await setup('f_after');
    await world.sandbox.control('POST', '/faults', {
      step: 'checkout.submit.after_create',
      mode: 'fail',
      login: 'f_after',
    });

    const started = await world.reserve(order.id, itemIds, session.id).expect(202);
    const done = await world.settle(started.body.activityId);

    expect(done.state).toBe('succeeded');
    const truth = await world.sandbox.orders('f_after');
    expect(truth).toHaveLength(2);
    const numbers = (await world.order(order.id)).items.map((item) => item.providerOrderNumber);
    expect([...numbers].sort()).toEqual(truth.map((o) => o.bizOrderId).sort());
  });

  it('should submit again once a failed submit provably created nothing, ending with one order per seller', async () => {
    const { session, order, itemIds } = await setup('f_before');
    await world.sandbox.control('POST', '/faults', {
      step: 'checkout.submit.before_create',
      mode: 'fail',
      login: 'f_before',
    });

    const started = await world.reserve(order.id, itemIds, session.id).expect(202);
    const done = await world.settle(started.body.activityId);

    expect(done.state).toBe('succeeded');
    expect(await world.sandbox.orders('f_before')).toHaveLength(2);
    expect((await world.order(order.id)).items.every((item) => item.state === 'reserved')).toBe(
      true,
    );
  });

  it('should retry a provider 5xx before anything was submitted', async () => {
    const { session, order, itemIds } = await setup('f_busy', 1);
    await world.sandbox.control('POST', '/faults', {
      step: 'cart.add',
      mode: 'fail',
      login: 'f_busy',
    });

    const started = await world.reserve(order.id, itemIds, session.id).expect(202);
    const done = await world.settle(started.body.activityId);

    expect(done.state).toBe('succeeded');
    expect(await world.sandbox.orders('f_busy')).toHaveLength(1);
  });

  it('should give the items back with a clear reason when the provider keeps failing', async () => {
    const { session, order, itemIds } = await setup('f_down', 1);
    await world.sandbox.control('POST', '/faults', {
      step: 'cart.add',
      mode: 'fail',
      login: 'f_down',
      times: 10,
    });

    const started = await world.reserve(order.id, itemIds, session.id).expect(202);
    const done = await world.settle(started.body.activityId);
    await world.sandbox.control('DELETE', '/faults');

    expect(done.reason).toMatch(/did not answer in 3 tries .*reserve again later/);
    expect((await world.order(order.id)).items[0]!.state).toBe('available');
    expect(await world.sandbox.orders('f_down')).toEqual([]);
  });

  it('should end with a clear reason and free the items when the session expires mid-activity', async () => {
    const { session, order, itemIds } = await setup('f_expired', 1);
    await world.sandbox.control('POST', '/sessions/expire', { login: 'f_expired' });

    const started = await world.reserve(order.id, itemIds, session.id).expect(202);
    const done = await world.settle(started.body.activityId);

    expect(done.state).toBe('aborted');
    expect(done.reason).toMatch(/session of this account has ended; log in again/);
    expect((await world.order(order.id)).items[0]!.state).toBe('available');
    const sessions = await world.http.get('/api/v1/sessions').set('Cookie', world.admin);
    const stored = (sessions.body as { id: string; state: string }[]).find(
      (one) => one.id === session.id,
    );
    expect(stored?.state).toBe('expired');
    expect(await world.sandbox.orders('f_expired')).toEqual([]);
  });

  it('should stop with the reason when the provider asks for a check during checkout', async () => {
    const { session, order, itemIds } = await setup('f_challenge', 1);
    await world.sandbox.control('POST', '/risk', { login: 'f_challenge', times: 5 });

    const started = await world.reserve(order.id, itemIds, session.id).expect(202);
    const done = await world.settle(started.body.activityId);

    expect(done.state).toBe('aborted');
    expect(done.reason).toMatch(/asks for a .* check; log in again/);
    expect((await world.order(order.id)).items[0]!.state).toBe('available');
    expect(await world.sandbox.orders('f_challenge')).toEqual([]);
  });
});
