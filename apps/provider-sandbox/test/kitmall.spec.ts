import { useSandbox } from './support/buyer-client';
import { kitmall } from './support/kitmall-client';

describe('Kitmall-style API', () => {
  const t = useSandbox();
  const api = (method: string, path: string, body?: unknown) =>
    kitmall(t.sandbox.url)(method, path, body);

  it('should refuse a missing or unknown API key', async () => {
    const reply = await kitmall(t.sandbox.url, 'wrong')('GET', '/items/600000000001');

    expect(reply.status).toBe(401);
    expect(reply.json.error.code).toBe('UNAUTHORIZED');
  });

  it('should look up an item with its SKUs, prices and stock', async () => {
    const reply = await api('GET', '/items/600000000005');

    expect(reply.json).toMatchObject({
      itemId: '600000000005',
      isTmall: true,
      buyable: true,
      shopName: '小米官方旗舰店',
    });
    expect(reply.json.skus[1]).toEqual({
      skuId: '60000000000502',
      propsText: '颜色分类:白色',
      props: [{ name: '颜色分类', value: '白色' }],
      price: '99.00',
      stock: 80,
    });
    expect((await api('GET', '/items/699999999999')).status).toBe(404);
  });

  it('should create one order per seller, get it, list it and cancel it', async () => {
    const created = await api('POST', '/orders', {
      items: [
        { itemId: '600000000001', skuId: '60000000000101', quantity: 1 },
        { itemId: '600000000003', skuId: '60000000000301', quantity: 2 },
      ],
    });
    const [first, second] = created.json.orders;
    const fetched = await api('GET', `/orders/${first.orderId}`);
    const cancelled = await api('POST', `/orders/${second.orderId}/cancel`, {});
    const unpaid = await api('GET', '/orders?status=WAIT_BUYER_PAY');
    const all = await api('GET', '/orders?page=1&pageSize=1');
    const truth = await t.control.get('/orders?login=kitmall_buyer');

    expect(created.status).toBe(201);
    expect(created.json.orders.map((o: { sellerId: string }) => o.sellerId)).toEqual([
      '2200000001',
      '2200000002',
    ]);
    expect(fetched.json).toMatchObject({
      status: 'WAIT_BUYER_PAY',
      totalFee: '59.00',
      items: [{ propsText: '颜色分类:黑色; 尺码:M' }],
    });
    expect(cancelled.json.status).toBe('TRADE_CLOSED_BY_TAOBAO');
    expect(unpaid.json.orders.map((o: { orderId: string }) => o.orderId)).toEqual([first.orderId]);
    expect(all.json).toMatchObject({ total: 2, pageSize: 1 });
    expect(truth.json.orders).toHaveLength(2);
  });

  it('should return the first orders for a repeated outerId instead of ordering twice', async () => {
    const body = {
      outerId: 'shop-42',
      items: [{ itemId: '600000000004', skuId: '60000000000401', quantity: 1 }],
    };
    const first = await api('POST', '/orders', body);
    const again = await api('POST', '/orders', body);

    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({
      duplicate: true,
      orders: [{ orderId: first.json.orders[0].orderId }],
    });
    expect((await t.control.get('/orders')).json.orders).toHaveLength(1);
  });

  it('should list orders changed since a time', async () => {
    const created = await api('POST', '/orders', {
      items: [{ itemId: '600000000004', skuId: '60000000000401', quantity: 1 }],
    });
    const mark = (await t.control.get('/state')).json.nowMs + 1;
    await t.control.post('/clock/advance', { ms: 10 });
    await t.control.post(`/orders/${created.json.orders[0].orderId}/pay`);
    await api('POST', '/orders', {
      items: [{ itemId: '600000000003', skuId: '60000000000301', quantity: 1 }],
    });
    const since = await api('GET', `/orders?updatedSinceMs=${mark}`);

    expect(since.json.total).toBe(2);
    expect(since.json.orders.map((o: { status: string }) => o.status).sort()).toEqual([
      'WAIT_BUYER_PAY',
      'WAIT_SELLER_SEND_GOODS',
    ]);
  });

  it.each([
    ['bad input', { items: [] }, 400, 'BAD_REQUEST'],
    [
      'an unknown SKU',
      { items: [{ itemId: '600000000001', skuId: '60000000000199', quantity: 1 }] },
      404,
      'SKU_NOT_FOUND',
    ],
    [
      'too much',
      { items: [{ itemId: '600000000005', skuId: '60000000000501', quantity: 81 }] },
      409,
      'OUT_OF_STOCK',
    ],
  ])('should refuse %s with a clear error', async (_name, body, status, code) => {
    const reply = await api('POST', '/orders', body);

    expect(reply.status).toBe(status);
    expect(reply.json.error.code).toBe(code);
  });

  it('should refuse unbuyable items, limits and the deal limit', async () => {
    await t.control.call('PATCH', '/items/600000000002', { buyEnable: false });
    await t.control.call('PATCH', '/items/600000000003', { limit: 1 });
    await t.control.call('PATCH', '/accounts/kitmall_buyer', { dealLimit: 0 });
    const line = (itemId: string, skuId: string, quantity: number) => ({
      items: [{ itemId, skuId, quantity }],
    });

    expect(
      (await api('POST', '/orders', line('600000000002', '60000000000201', 1))).json.error.code,
    ).toBe('NOT_BUYABLE');
    expect(
      (await api('POST', '/orders', line('600000000003', '60000000000301', 2))).json.error.code,
    ).toBe('LIMIT_EXCEEDED');
    expect(
      (await api('POST', '/orders', line('600000000004', '60000000000401', 1))).json.error.code,
    ).toBe('DEAL_LIMIT');
  });

  it('should refuse to cancel a paid order', async () => {
    const created = await api('POST', '/orders', {
      items: [{ itemId: '600000000004', skuId: '60000000000401', quantity: 1 }],
    });
    await t.control.post(`/orders/${created.json.orders[0].orderId}/pay`);
    const reply = await api('POST', `/orders/${created.json.orders[0].orderId}/cancel`, {});

    expect(reply.status).toBe(409);
    expect(reply.json.error.code).toBe('ORDER_STATUS_INVALID');
  });

  it('should report an unpaid order auto-closed once autoCloseMs has passed', async () => {
    await t.control.post('/config', { autoCloseMs: 1000 });
    const created = await api('POST', '/orders', {
      items: [{ itemId: '600000000004', skuId: '60000000000401', quantity: 1 }],
    });
    await t.control.post('/clock/advance', { ms: 1001 });
    const reply = await api('GET', `/orders/${created.json.orders[0].orderId}`);

    expect(reply.json.status).toBe('TRADE_CLOSED_BY_TAOBAO');
  });
});
