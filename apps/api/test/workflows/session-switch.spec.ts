import { World } from './support/world';

jest.setTimeout(180_000);

/** After a deal limit the operator continues on another session; the activity follows it. */
describe('continuing a reservation on another session against a live Sandbox in Chromium', () => {
  let world: World;

  beforeAll(async () => {
    world = await World.start();
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('should move the activity to the chosen account and reserve there, placing nothing on the first', async () => {
    const limitedAccount = await world.addAccount('w_limited', 1);
    const otherAccount = await world.addAccount('w_other', 100);
    const limited = await world.session('w_limited');
    const other = await world.session('w_other');
    const [a, b] = world.buyable(2, { distinctSellers: true });
    const order = await world.importOrder([world.line(a!, 'l1'), world.line(b!, 'l2')]);
    const started = await world
      .reserve(
        order.id,
        order.items.map((item) => item.id),
        limited.id,
      )
      .expect(202);
    const asked = await world.settle(started.body.activityId);
    expect(asked.accountId).toBe(limitedAccount);

    const done = await world.answer(asked, `switch_session:${other.id}`);

    expect(done.state).toBe('succeeded');
    expect(done.accountId).toBe(otherAccount);
    const events = await world.http
      .get(`/api/v1/activities/${done.id}/events?afterSeq=0`)
      .set('Cookie', world.admin)
      .expect(200);
    const messages = (events.body as { message: string }[]).map((event) => event.message);
    expect(messages).toContain(`Moved from account ${limitedAccount} to account ${otherAccount}`);
    expect((await world.order(order.id)).items.map((item) => item.accountLogin)).toEqual([
      'w_other',
      'w_other',
    ]);
    expect(await world.sandbox.orders('w_limited')).toEqual([]);
    expect(await world.sandbox.orders('w_other')).toHaveLength(2);
  });
});
