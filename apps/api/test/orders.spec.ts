import { randomUUID } from 'node:crypto';

import type { OrderDto, OrderSummaryDto } from '@autobuy/contracts';

import { OrderEntity } from '../src/orders/entities/order.entity';

import { importRequest, orderItem } from './fixtures';
import { postgresReachable } from './support/postgres';
import { startTestApp, type TestApp } from './support/test-app';

describe.each(['sqlite', 'postgres'] as const)('orders on %s', (engine) => {
  let t: TestApp | null = null;
  let admin: string;

  beforeAll(async () => {
    if (engine === 'postgres' && !(await postgresReachable())) {
      return;
    }
    t = await startTestApp({ engine });
    admin = await t.login();
  });

  afterAll(async () => {
    await t?.close();
  });

  // Runs the test only when the engine is there (PostgreSQL prints a notice when it is not).
  const live = (name: string, fn: (app: TestApp) => Promise<void>): void =>
    it(name, async () => {
      if (t) {
        await fn(t);
      }
    });

  const post = (app: TestApp, body: unknown) =>
    app.http
      .post('/api/v1/orders')
      .set('Cookie', admin)
      .send(body as object);

  describe('import', () => {
    live('should create an order with 201 and return it with its items', async (app) => {
      const response = await post(app, importRequest('IMP-1', { comment: 'Срочно' })).expect(201);
      const order = response.body as OrderDto;

      expect(order).toMatchObject({
        externalId: 'IMP-1',
        customerName: 'Иванова Мария',
        comment: 'Срочно',
        itemCount: 1,
        stateCounts: { available: 1 },
      });
      expect(order.items[0]).toMatchObject({
        externalId: 'line-1',
        configuration: '颜色分类:黑色; 尺码:XL',
        unitPrice: '59.00',
        state: 'available',
        providerOrderNumber: null,
        accountLogin: null,
      });
    });

    live(
      'should return the stored order untouched with 200 when the externalId repeats',
      async (app) => {
        const first = await post(app, importRequest('IMP-2')).expect(201);
        const changed = importRequest('IMP-2', {
          customerName: 'Someone Else',
          items: [orderItem({ title: 'changed', quantity: 9 })],
        });

        const repeat = await post(app, changed).expect(200);

        expect(repeat.body).toEqual(first.body);
        const list = await app.http.get('/api/v1/orders?q=IMP-2').set('Cookie', admin).expect(200);
        expect(list.body.items).toHaveLength(1);
      },
    );

    live('should create one order when the same import arrives twice at once', async (app) => {
      const [a, b] = await Promise.all([
        post(app, importRequest('IMP-RACE')),
        post(app, importRequest('IMP-RACE')),
      ]);

      expect([a.status, b.status].sort()).toEqual([200, 201]);
      expect(a.body.id).toBe(b.body.id);
    });

    live('should normalise prices given as numbers or short decimals', async (app) => {
      const response = await post(
        app,
        importRequest('IMP-PRICE', {
          items: [
            orderItem({ externalId: 'a', unitPrice: 59 }),
            orderItem({ externalId: 'b', unitPrice: '39.9' }),
            orderItem({ externalId: 'c', unitPrice: 0.5 }),
          ],
        }),
      ).expect(201);

      expect(response.body.items.map((i: { unitPrice: string }) => i.unitPrice)).toEqual([
        '59.00',
        '39.90',
        '0.50',
      ]);
    });

    live('should give every field its own message and store nothing', async (app) => {
      const response = await post(app, {
        externalId: '',
        customerName: 42,
        comment: 'x'.repeat(2001),
        extra: true,
        items: [
          {
            externalId: 'l1',
            provider: 'aliexpress',
            providerItemId: '',
            skuId: 7,
            title: '',
            quantity: 0,
            unitPrice: '-1',
            currency: 'GBP',
            sellerId: '',
            sellerName: '',
            isTmall: 'yes',
            pictureUrl: 'not a url',
            itemUrl: 'ftp://example.com/x',
            colour: 'red',
          },
          { ...orderItem(), quantity: 1.5, unitPrice: '1.999' },
          { ...orderItem({ externalId: 'l3' }), quantity: 10000, unitPrice: 'abc' },
        ],
      }).expect(400);

      expect(response.body.code).toBe('validation_failed');
      expect(response.body.details).toEqual({
        externalId: ['must not be empty and at most 100 characters'],
        customerName: ['must be text'],
        comment: ['must be at most 2000 characters'],
        extra: ['is not a known field'],
        'items.0.provider': ['must be one of: sandbox, taobao, kitmall'],
        'items.0.providerItemId': ['must not be empty and at most 64 characters'],
        'items.0.skuId': ['must be text'],
        'items.0.title': ['must not be empty and at most 500 characters'],
        'items.0.quantity': ['must be at least 1'],
        'items.0.unitPrice': [
          'must be a price like "129.00": digits, at most two decimals, not negative',
        ],
        'items.0.currency': ['must be one of: CNY, USD, EUR, RUB'],
        'items.0.sellerId': ['must not be empty and at most 64 characters'],
        'items.0.sellerName': ['must not be empty and at most 200 characters'],
        'items.0.isTmall': ['must be true or false'],
        'items.0.pictureUrl': ['must be an http(s) URL'],
        'items.0.itemUrl': ['must be an http(s) URL'],
        'items.0.colour': ['is not a known field'],
        'items.1.quantity': ['must be a whole number'],
        'items.1.unitPrice': [
          'must be a price like "129.00": digits, at most two decimals, not negative',
        ],
        'items.2.quantity': ['must be at most 9999'],
        'items.2.unitPrice': [
          'must be a price like "129.00": digits, at most two decimals, not negative',
        ],
      });
      const list = await app.http.get('/api/v1/orders?limit=100').set('Cookie', admin).expect(200);
      expect(list.body.items.some((o: OrderSummaryDto) => o.externalId === '')).toBe(false);
    });

    live('should say which fields are missing and that items must not be empty', async (app) => {
      const empty = await post(app, {}).expect(400);
      expect(empty.body.details).toEqual({
        externalId: ['is required'],
        customerName: ['is required'],
        items: ['is required'],
      });

      const noItems = await post(app, importRequest('IMP-EMPTY', { items: [] })).expect(400);
      expect(noItems.body.details).toEqual({ items: ['must contain at least one item'] });

      const notList = await post(app, importRequest('IMP-NL', { items: 'many' as never })).expect(
        400,
      );
      expect(notList.body.details).toEqual({ items: ['must be a list of items'] });

      const junkItem = await post(app, importRequest('IMP-JUNK', { items: [5 as never] })).expect(
        400,
      );
      expect(junkItem.body.details).toEqual({ 'items.0': ['must be an object'] });
    });

    live('should refuse two lines with the same externalId', async (app) => {
      const response = await post(
        app,
        importRequest('IMP-DUP', { items: [orderItem(), orderItem({ quantity: 3 })] }),
      ).expect(400);

      expect(response.body.details).toEqual({
        'items.1.externalId': ['repeats the externalId of items.0'],
      });
      await app.http.get('/api/v1/orders?q=IMP-DUP').set('Cookie', admin).expect(200, {
        items: [],
        nextCursor: null,
      });
    });
  });

  describe('list', () => {
    const ids: string[] = [];

    beforeAll(async () => {
      if (!t) {
        return;
      }
      for (let n = 1; n <= 7; n += 1) {
        const response = await post(
          t,
          importRequest(`PAGE-${n}`, {
            customerName: n === 3 ? 'Смирнова Ольга' : `Покупатель ${n}`,
            items: [orderItem({ title: n === 5 ? '不锈钢保温杯 500ml 大容量' : `Товар ${n}` })],
          }),
        ).expect(201);
        ids.push(response.body.id);
      }
    });

    live('should page newest first with an opaque cursor and no repeats', async (app) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `/api/v1/orders?q=PAGE-&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await app.http.get(query).set('Cookie', admin).expect(200);
        seen.push(...response.body.items.map((o: OrderSummaryDto) => o.id));
        cursor = response.body.nextCursor;
        pages += 1;
      } while (cursor);

      expect(pages).toBe(3);
      expect(seen).toEqual([...ids].reverse());
    });

    live('should page through orders created in the same millisecond without gaps', async (app) => {
      const repo = app.running.dataSource.getRepository(OrderEntity);
      const sameInstant = new Date('2020-01-01T00:00:00.000Z');
      const tied = Array.from({ length: 5 }, (_, n) => ({
        id: randomUUID(),
        externalId: `TIE-${n}`,
        customerName: 'Tie',
        comment: null,
        createdAt: sameInstant,
        updatedAt: sameInstant,
      }));
      await repo.insert(tied);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/v1/orders?q=TIE-&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await app.http.get(query).set('Cookie', admin).expect(200);
        seen.push(...response.body.items.map((o: OrderSummaryDto) => o.externalId));
        cursor = response.body.nextCursor;
      } while (cursor);

      expect([...seen].sort()).toEqual(tied.map((o) => o.externalId).sort());
    });

    live(
      'should search by customer name case-insensitively, item title and external id',
      async (app) => {
        const byName = await app.http
          .get(`/api/v1/orders?q=${encodeURIComponent('смирнова')}`)
          .set('Cookie', admin)
          .expect(200);
        expect(byName.body.items.map((o: OrderSummaryDto) => o.externalId)).toEqual(['PAGE-3']);

        const byTitle = await app.http
          .get(`/api/v1/orders?q=${encodeURIComponent('保温杯')}`)
          .set('Cookie', admin)
          .expect(200);
        expect(byTitle.body.items.map((o: OrderSummaryDto) => o.externalId)).toEqual(['PAGE-5']);

        const byId = await app.http.get('/api/v1/orders?q=page-7').set('Cookie', admin).expect(200);
        expect(byId.body.items.map((o: OrderSummaryDto) => o.externalId)).toEqual(['PAGE-7']);
      },
    );

    live('should treat % and _ in the search text literally', async (app) => {
      const response = await app.http.get('/api/v1/orders?q=%25').set('Cookie', admin).expect(200);

      expect(response.body.items).toEqual([]);
    });

    live('should filter by item state', async (app) => {
      const available = await app.http
        .get('/api/v1/orders?state=available&q=PAGE-&limit=100')
        .set('Cookie', admin)
        .expect(200);
      expect(available.body.items).toHaveLength(7);

      // Mark one item paid the way a later synchronization will.
      await app.running.dataSource.query(
        `UPDATE order_items SET state = 'paid' WHERE order_id = ${engine === 'postgres' ? '$1' : '?'}`,
        [ids[1]],
      );
      const paid = await app.http.get('/api/v1/orders?state=paid').set('Cookie', admin).expect(200);
      expect(paid.body.items.map((o: OrderSummaryDto) => o.id)).toEqual([ids[1]]);
      expect(paid.body.items[0].stateCounts).toEqual({ paid: 1 });
    });

    live(
      'should answer 400 with per-field messages for bad query values, never 500',
      async (app) => {
        const bad = await app.http
          .get('/api/v1/orders?state=lost&limit=abc&cursor=nonsense&q=' + 'x'.repeat(201))
          .set('Cookie', admin)
          .expect(400);
        expect(bad.body.details).toEqual({
          state: [
            'must be one of: available, reserving, reserved, paid, shipped, finished, closed, refused',
          ],
          limit: ['must be a whole number from 1 to 100'],
          q: ['must be at most 200 characters'],
        });

        const cursor = await app.http
          .get('/api/v1/orders?cursor=nonsense')
          .set('Cookie', admin)
          .expect(400);
        expect(cursor.body.details).toEqual({
          cursor: ['is not a nextCursor from a previous page'],
        });

        for (const query of ['limit=0', 'limit=101', 'limit=1.5', 'state=a&state=b', 'unknown=1']) {
          const response = await app.http.get(`/api/v1/orders?${query}`).set('Cookie', admin);
          expect({ query, status: response.status }).toEqual({ query, status: 400 });
        }
      },
    );

    live('should answer 404 for an order that does not exist', async (app) => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const response = await app.http
          .get(`/api/v1/orders/${id}`)
          .set('Cookie', admin)
          .expect(404);
        expect(response.body.code).toBe('not_found');
      }
    });
  });
});
