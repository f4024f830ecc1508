import { useSandbox, type BuyerClient, type Json, type TestSandbox } from './support/buyer-client';
import { kitmall } from './support/kitmall-client';

type Outcome = { status: number; body: Json };

// One action per named step, answering the HTTP status and body the client saw.
function actions(t: TestSandbox): Record<string, (buyer: BuyerClient) => Promise<Outcome>> {
  const reply = async (promise: Promise<{ status: number; json: Json }>) => {
    const result = await promise;

    return { status: result.status, body: result.json };
  };
  const api = (method: string, path: string, body?: unknown) =>
    reply(kitmall(t.sandbox.url)(method, path, body));
  const placeOrder = async (buyer: BuyerClient) =>
    (await buyer.buy([['600000000004', '60000000000401', 1]])).json.orders[0].bizOrderId;
  const kitmallOrder = {
    items: [{ itemId: '600000000004', skuId: '60000000000401', quantity: 1 }],
  };

  return {
    'login.submit': async () => {
      const buyer = t.buyer();
      const result = await buyer.login('sandbox_buyer');

      return { status: result.status, body: { loggedIn: buyer.cookies.has('unb') } };
    },
    'item.page': (buyer) => reply(buyer.get('/item.htm?id=600000000001&format=json')),
    'cart.add': (buyer) =>
      reply(
        buyer.post('/cart/add.do', {
          itemId: '600000000001',
          skuId: '60000000000101',
          quantity: 1,
        }),
      ),
    'cart.page': (buyer) => reply(buyer.get('/cart?format=json')),
    'checkout.confirm_page': async (buyer) =>
      reply(buyer.confirm([await buyer.addToCart('600000000001', '60000000000101')])),
    'checkout.submit.before_create': async (buyer) => {
      const confirm = await buyer.confirm([
        await buyer.addToCart('600000000001', '60000000000101'),
      ]);

      return reply(buyer.submit(confirm.json.orderToken));
    },
    'orders.list': (buyer) => reply(buyer.get('/trade/itemlist/asyncBought.htm')),
    'order.detail': async (buyer) =>
      reply(
        buyer.get(
          `/trade/detail/trade_order_detail.htm?format=json&biz_order_id=${await placeOrder(buyer)}`,
        ),
      ),
    'order.cancel': async (buyer) =>
      reply(
        buyer.post('/trade/cancel_order.do', {
          bizOrderId: await placeOrder(buyer),
          reason: '其他原因',
        }),
      ),
    'order.pay': async (buyer) =>
      reply(buyer.post('/trade/pay.do', { bizOrderIds: await placeOrder(buyer) })),
    tracking: async (buyer) =>
      reply(buyer.get(`/trade/json/transit_step.do?bizOrderId=${await placeOrder(buyer)}`)),
    'kitmall.item.get': () => api('GET', '/items/600000000001'),
    'kitmall.order.create.before': () => api('POST', '/orders', kitmallOrder),
    'kitmall.order.get': async () =>
      api('GET', `/orders/${(await api('POST', '/orders', kitmallOrder)).body.orders[0].orderId}`),
    'kitmall.order.list': () => api('GET', '/orders'),
    'kitmall.order.cancel': async () =>
      api(
        'POST',
        `/orders/${(await api('POST', '/orders', kitmallOrder)).body.orders[0].orderId}/cancel`,
        {},
      ),
  };
}

describe('control API: faults, latency, rates and the request log', () => {
  const t = useSandbox();

  it('should list every named step', async () => {
    const reply = await t.control.get('/faults');

    expect(reply.json.steps).toEqual(
      expect.arrayContaining([
        'checkout.submit.before_create',
        'checkout.submit.after_create',
        'kitmall.order.create.after',
      ]),
    );
  });

  const steps = [
    'login.submit',
    'item.page',
    'cart.add',
    'cart.page',
    'checkout.confirm_page',
    'checkout.submit.before_create',
    'orders.list',
    'order.detail',
    'order.cancel',
    'order.pay',
    'tracking',
    'kitmall.item.get',
    'kitmall.order.create.before',
    'kitmall.order.get',
    'kitmall.order.list',
    'kitmall.order.cancel',
  ];

  it.each(steps)('should fail %s once with a 500, then work again', async (step) => {
    const act = actions(t)[step]!;
    const buyer = await t.loggedIn();
    await t.control.post('/faults', { step, mode: 'fail' });
    const failed = await act(buyer);
    const retried = await act(buyer);

    expect(failed.status).toBe(500);
    expect(retried.status).toBeLessThan(400);
    expect((await t.control.get('/faults')).json.faults).toEqual([]);
  });

  it('should create no order when the submit fails before creating', async () => {
    const buyer = await t.loggedIn();
    await t.control.post('/faults', { step: 'checkout.submit.before_create', mode: 'fail' });
    const reply = await buyer.buy([['600000000001', '60000000000101', 1]]);

    expect(reply.status).toBe(500);
    expect(reply.json).toMatchObject({ code: 'SYSTEM_ERROR', msg: '系统繁忙，请稍后再试' });
    expect((await t.control.get('/orders')).json.orders).toEqual([]);
  });

  it('should create the orders and then fail the answer when the submit fails after creating', async () => {
    const buyer = await t.loggedIn();
    await t.control.post('/faults', { step: 'checkout.submit.after_create', mode: 'fail' });
    const cartId = await buyer.addToCart('600000000001', '60000000000101', 1);
    const confirm = await buyer.confirm([cartId]);
    const reply = await buyer.submit(confirm.json.orderToken);
    const list = await buyer.get('/trade/itemlist/asyncBought.htm');
    const retry = await buyer.submit(confirm.json.orderToken);

    expect(reply.status).toBe(500);
    expect(list.json.mainOrders).toHaveLength(1);
    expect(retry.json.code).toBe('B-15034');
  });

  it("should create only the first seller's order of a two-seller submit, then fail, keeping the other line in the cart", async () => {
    const buyer = await t.loggedIn();
    await t.control.post('/faults', { step: 'checkout.submit.partial', mode: 'fail' });
    const first = await buyer.addToCart('600000000001', '60000000000101', 1);
    const second = await buyer.addToCart('600000000003', '60000000000301', 2);
    const confirm = await buyer.confirm([first, second]);
    const reply = await buyer.submit(confirm.json.orderToken);
    const orders = (await t.control.get('/orders')).json.orders;
    const cart = await buyer.get('/cart?format=json');
    const again = await buyer.submit(confirm.json.orderToken);
    const rest = await buyer.submit((await buyer.confirm([second])).json.orderToken);

    expect(reply.status).toBe(500);
    expect(reply.json.code).toBe('SYSTEM_ERROR');
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ sellerId: '2200000001', status: 'WAIT_BUYER_PAY' });
    expect(
      cart.json.bundles.flatMap((bundle: { items: { cartId: string }[] }) =>
        bundle.items.map((item) => item.cartId),
      ),
    ).toEqual([second]);
    expect(again.json.code).toBe('B-15034');
    expect(rest.json.success).toBe(true);
    expect((await t.control.get('/orders')).json.orders).toHaveLength(2);
  });

  it('should create nothing when a one-seller submit fails partly, and hang when told to', async () => {
    const buyer = await t.loggedIn();
    await t.control.post('/faults', { step: 'checkout.submit.partial', mode: 'fail' });
    const alone = await buyer.buy([['600000000001', '60000000000101', 1]]);
    const afterAlone = (await t.control.get('/orders')).json.orders;
    await t.control.post('/faults', { step: 'checkout.submit.partial', mode: 'hang' });
    const first = await buyer.addToCart('600000000001', '60000000000101', 1);
    const second = await buyer.addToCart('600000000003', '60000000000301', 1);
    const confirm = await buyer.confirm([first, second]);
    const pending = buyer.submit(confirm.json.orderToken).then(
      () => 'answered',
      () => 'dropped',
    );
    let orders: unknown[] = [];
    while (orders.length === 0) orders = (await t.control.get('/orders')).json.orders;
    await t.control.post('/reset', { seed: 1 });

    expect(alone.status).toBe(500);
    expect(afterAlone).toEqual([]);
    expect(orders).toHaveLength(1);
    expect(await pending).toBe('dropped');
  });

  it('should hang the submit after creating the orders until the Sandbox is reset', async () => {
    const buyer = await t.loggedIn();
    await t.control.post('/faults', {
      step: 'checkout.submit.after_create',
      mode: 'hang',
      login: 'sandbox_buyer',
    });
    const cartId = await buyer.addToCart('600000000001', '60000000000101', 1);
    const confirm = await buyer.confirm([cartId]);
    const pending = buyer.submit(confirm.json.orderToken).then(
      () => 'answered',
      () => 'dropped',
    );
    let orders: unknown[] = [];
    while (orders.length === 0) orders = (await t.control.get('/orders')).json.orders;
    const log = (await t.control.get('/requests')).json.requests;
    await t.control.post('/reset', { seed: 1 });

    expect(orders).toHaveLength(1);
    expect(log.at(-1)).toMatchObject({
      path: '/auction/order/submit_order.htm?format=json',
      status: 0,
      durationMs: null,
    });
    expect(await pending).toBe('dropped');
  });

  it('should create the Kitmall order and then fail when told to fail after creating', async () => {
    await t.control.post('/faults', { step: 'kitmall.order.create.after', mode: 'fail' });
    const reply = await kitmall(t.sandbox.url)('POST', '/orders', {
      items: [{ itemId: '600000000004', skuId: '60000000000401', quantity: 1 }],
    });

    expect(reply.status).toBe(500);
    expect((await t.control.get('/orders?login=kitmall_buyer')).json.orders).toHaveLength(1);
  });

  it('should apply a fault only to the named account and only as many times as asked', async () => {
    await t.control.post('/accounts', { login: 'second_buyer' });
    const buyer = await t.loggedIn();
    const other = await t.loggedIn('second_buyer');
    await t.control.post('/faults', {
      step: 'cart.page',
      mode: 'error',
      code: 'RGV587_ERROR',
      login: 'sandbox_buyer',
      times: 2,
    });

    expect((await other.get('/cart?format=json')).json.success).toBe(true);
    expect((await buyer.get('/cart?format=json')).json.code).toBe('RGV587_ERROR');
    expect((await buyer.get('/cart?format=json')).json.code).toBe('RGV587_ERROR');
    expect((await buyer.get('/cart?format=json')).json.success).toBe(true);
  });

  it('should refuse unknown steps, modes and config keys', async () => {
    const step = await t.control.post('/faults', { step: 'nope' });
    const mode = await t.control.post('/faults', { step: 'cart.add', mode: 'explode' });
    const config = await t.control.post('/config', { latencyMS: 5 });
    const rate = await t.control.post('/config', { errorRate: 2 });

    expect(step.status).toBe(400);
    expect(step.json.error.message).toContain('step must be one of');
    expect(mode.status).toBe(400);
    expect(config.json.error.message).toBe('unknown config key "latencyMS"');
    expect(rate.status).toBe(400);
  });

  it('should log buyer and Kitmall requests with account and injected latency, but not control calls', async () => {
    await t.control.post('/config', {
      latencyMs: 20,
      latencyRules: [{ pathPrefix: '/kitmall/', ms: 5 }],
    });
    const buyer = await t.loggedIn();
    await buyer.get('/cart?format=json');
    await kitmall(t.sandbox.url)('GET', '/items/600000000001');
    const log = (await t.control.get('/requests')).json.requests;

    expect(log.map((entry: { path: string }) => entry.path)).toEqual([
      '/newlogin/login.do',
      '/cart?format=json',
      '/kitmall/api/v1/items/600000000001',
    ]);
    expect(log[1]).toMatchObject({
      method: 'GET',
      area: 'buyer',
      status: 200,
      account: 'sandbox_buyer',
      injectedLatencyMs: 20,
    });
    expect(log[2]).toMatchObject({
      area: 'kitmall',
      account: 'kitmall_buyer',
      injectedLatencyMs: 5,
    });
    expect(typeof log[1].startMs).toBe('number');
    expect(log[1].durationMs).toBeGreaterThanOrEqual(0);

    const kitmallOnly = (await t.control.get('/requests?area=kitmall')).json.requests;
    expect(kitmallOnly.map((entry: { seq: number }) => entry.seq)).toEqual([log[2].seq]);
    const afterFirst = (await t.control.get(`/requests?sinceSeq=${log[0].seq}`)).json.requests;
    expect(afterFirst).toHaveLength(2);

    await t.control.call('DELETE', '/requests');
    expect((await t.control.get('/requests')).json.requests).toEqual([]);
  });

  it('should answer every request with a 500 at errorRate 1 and none at 0', async () => {
    const buyer = t.buyer();
    await t.control.post('/config', { errorRate: 1 });
    const failing = await buyer.get('/item.htm?id=600000000001&format=json');
    const api = await kitmall(t.sandbox.url)('GET', '/items/600000000001');
    await t.control.post('/config', { errorRate: 0 });

    expect(failing.status).toBe(500);
    expect(failing.json.code).toBe('SYSTEM_ERROR');
    expect(api).toEqual({
      status: 500,
      json: { error: expect.objectContaining({ code: 'SYSTEM_ERROR' }) },
    });
    expect((await buyer.get('/item.htm?id=600000000001&format=json')).status).toBe(200);
  });

  it('should hang requests at timeoutRate 1 and drop them after hangMs', async () => {
    await t.control.post('/config', { timeoutRate: 1, hangMs: 50 });
    const outcome = await t
      .buyer()
      .get('/member/login.jhtml')
      .then(
        () => 'answered',
        () => 'dropped',
      );

    expect(outcome).toBe('dropped');
  });

  it('should draw challenges at the configured rates', async () => {
    await t.control.post('/config', { sliderRate: 1 });
    const slider = await t.buyer().login('sandbox_buyer');
    await t.control.post('/config', { sliderRate: 0, smsRate: 1 });
    const sms = await t.buyer().login('sandbox_buyer');
    await t.control.post('/config', { smsRate: 0, punishRate: 1 });
    const punished = await t.buyer().get('/item.htm?id=600000000001');

    expect(slider.text).toContain('data-code="NC_REQUIRED"');
    expect(sms.location).toMatch(/^\/iv\/normal_validate\.htm/);
    expect(punished.location).toMatch(/^\/_____tmd_____\/punish/);
  });

  it('should create accounts with a challenge and a deal limit, and refuse bad ones', async () => {
    const created = await t.control.post('/accounts', {
      login: 'new_sms',
      challenge: 'sms',
      dealLimit: 3,
    });
    const duplicate = await t.control.post('/accounts', { login: 'new_sms' });
    const bad = await t.control.post('/accounts', { login: 'x y', challenge: 'face' });
    const login = await t.buyer().login('new_sms');

    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ login: 'new_sms', challenge: 'sms', dealLimit: 3 });
    expect(created.json.password).toBeUndefined();
    expect(duplicate.status).toBe(409);
    expect(bad.status).toBe(400);
    expect(login.location).toMatch(/^\/iv\/normal_validate\.htm/);
  });

  it('should change an item price and stock for every SKU, and refuse a bad price', async () => {
    const patched = await t.control.call('PATCH', '/items/600000000004', {
      price: '25.50',
      stock: 7,
    });
    const bad = await t.control.call('PATCH', '/items/600000000004', { price: 'cheap' });
    const page = await t.buyer().get('/item.htm?id=600000000004&format=json');

    expect(
      patched.json.skus.map((s: { price: string; stock: number }) => [s.price, s.stock]),
    ).toEqual([
      ['25.50', 7],
      ['25.50', 7],
    ]);
    expect(bad.status).toBe(400);
    expect(page.json.skuCore.sku2info['60000000000401']).toEqual({
      price: { priceMoney: 2550, priceText: '25.50' },
      quantity: 7,
    });
  });

  it('should report its state and the live sessions, and change an account password', async () => {
    await t.loggedIn();
    await t.control.call('PATCH', '/accounts/sandbox_buyer', { password: 'changed1' });
    const state = await t.control.get('/state');
    const sessions = await t.control.get('/sessions');
    const oldPassword = await t.buyer().login('sandbox_buyer');
    const newPassword = await t.buyer().login('sandbox_buyer', 'changed1');

    expect(state.json).toMatchObject({ seed: 1, counts: { sellers: 27, accounts: 5 } });
    expect(sessions.json.sessions).toEqual([expect.objectContaining({ login: 'sandbox_buyer' })]);
    expect(oldPassword.text).toContain('账号名或登录密码不正确');
    expect(newPassword.status).toBe(302);
  });

  it("should answer a malformed JSON body with 400 in the caller's format", async () => {
    const send = (path: string) =>
      fetch(`${t.sandbox.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"seed": ',
      });
    const control = await send('/__control/reset');
    const page = await send('/newlogin/login.do');

    expect(control.status).toBe(400);
    expect((await control.json()).error.code).toBe('BAD_REQUEST');
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('data-code="BAD_REQUEST"');
  });
});
