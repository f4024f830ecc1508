import type { ActivityDetailDto, ActivityDto, Page } from '@autobuy/contracts';

import { ACTIVITIES_ENGINE, type ActivitiesEngine } from '../../src/activities';
import { importRequest } from '../fixtures';
import { postgresReachable } from '../support/postgres';
import { startTestApp, type TestApp } from '../support/test-app';

// The whole app: activities read through REST are named by account login and order number.
describe.each(['sqlite', 'postgres'] as const)('REST activities named on %s', (engine) => {
  let app: TestApp;
  let cookie: string;
  let activities: ActivitiesEngine;
  let skip = false;

  beforeAll(async () => {
    skip = engine === 'postgres' && !(await postgresReachable());
    if (skip) {
      return;
    }
    app = await startTestApp({ engine });
    cookie = await app.login();
    activities = app.running.app.get<ActivitiesEngine>(ACTIVITIES_ENGINE);
  });

  afterAll(async () => {
    await app?.close();
  });

  // PostgreSQL being absent was announced once; its tests then pass without running.
  const it = (name: string, fn: () => Promise<void>): void =>
    test(name, async () => {
      if (!skip) {
        await fn();
      }
    });

  const addAccount = async (login: string): Promise<string> =>
    (
      await app.http
        .post('/api/v1/accounts')
        .set('Cookie', cookie)
        .send({ provider: 'sandbox', login })
        .expect(201)
    ).body.id as string;

  const addOrder = async (externalId: string): Promise<string> =>
    (
      await app.http
        .post('/api/v1/orders')
        .set('Cookie', cookie)
        .send(importRequest(externalId))
        .expect(201)
    ).body.id as string;

  // Rows only: nothing runs them, the read path is what is tested.
  const record = (accountId: string | null, orderId: string | null, summary: string) =>
    activities.store.create({ kind: 'sync', accountId, orderId, summary });

  it('should give every row of a page its login and number, and null where it names none', async () => {
    const buyers = [await addAccount('names_buyer_a'), await addAccount('names_buyer_b')];
    const orders = [await addOrder('NAMES-1001'), await addOrder('NAMES-1002')];
    for (let index = 0; index < 12; index += 1) {
      await record(buyers[index % 2]!, orders[Math.floor(index / 6)]!, `named ${index}`);
    }
    const bare = await record(null, null, 'names nothing');

    const page = (
      await app.http
        .get('/api/v1/activities')
        .query({ limit: 13 })
        .set('Cookie', cookie)
        .expect(200)
    ).body as Page<ActivityDto>;

    expect(page.items).toHaveLength(13);
    for (const activity of page.items) {
      if (activity.id === bare.id) {
        expect(activity).toMatchObject({ accountLogin: null, orderNumber: null });
        continue;
      }
      const index = Number(activity.summary.replace('named ', ''));
      expect(activity.accountLogin).toBe(index % 2 === 0 ? 'names_buyer_a' : 'names_buyer_b');
      expect(activity.orderNumber).toBe(index < 6 ? 'NAMES-1001' : 'NAMES-1002');
    }

    const detail = (
      await app.http
        .get(`/api/v1/activities/${page.items[1]!.id}`)
        .set('Cookie', cookie)
        .expect(200)
    ).body as ActivityDetailDto;
    expect(detail.accountLogin).toBe(page.items[1]!.accountLogin);
    expect(detail.orderNumber).toBe(page.items[1]!.orderNumber);
  });

  it('should find the activities of an order by its number, and none for an unknown number', async () => {
    const account = await addAccount('names_buyer_c');
    const wanted = await addOrder('NAMES-2001');
    const other = await addOrder('NAMES-2002');
    const mine = await record(account, wanted, 'of the wanted order');
    await record(account, other, 'of another order');

    const found = (
      await app.http
        .get('/api/v1/activities')
        .query({ orderNumber: 'NAMES-2001' })
        .set('Cookie', cookie)
        .expect(200)
    ).body as Page<ActivityDto>;
    expect(found.items.map((activity) => activity.id)).toEqual([mine.id]);
    expect(found.items[0]).toMatchObject({
      orderNumber: 'NAMES-2001',
      accountLogin: 'names_buyer_c',
    });

    const unknown = await app.http
      .get('/api/v1/activities')
      .query({ orderNumber: 'NO-SUCH-ORDER' })
      .set('Cookie', cookie)
      .expect(200);
    expect(unknown.body).toEqual({ items: [], nextCursor: null });

    // Both filters must hold: an order id and another order's number find nothing.
    const contradicting = await app.http
      .get('/api/v1/activities')
      .query({ orderNumber: 'NAMES-2001', orderId: other })
      .set('Cookie', cookie)
      .expect(200);
    expect(contradicting.body.items).toEqual([]);
  });
});
