import { useSandbox, WAREHOUSE } from './support/buyer-client';

describe('cart and checkout', () => {
  const t = useSandbox();

  it('should group the cart by seller and add quantities of the same SKU together', async () => {
    const buyer = await t.loggedIn();
    await buyer.addToCart('600000000001', '60000000000103', 1);
    await buyer.addToCart('600000000003', '60000000000301', 1);
    await buyer.addToCart('600000000002', '60000000000202', 1);
    const again = await buyer.post('/cart/add.do', {
      itemId: '600000000001',
      skuId: '60000000000103',
      quantity: 2,
    });
    const cart = await buyer.get('/cart?format=json');

    expect(again.json.quantity).toBe(3);
    expect(cart.json.bundles.map((b: { sellerId: string }) => b.sellerId)).toEqual([
      '2200000001',
      '2200000002',
    ]);
    expect(cart.json.bundles[0].items.map((i: { skuId: string }) => i.skuId)).toEqual([
      '60000000000103',
      '60000000000202',
    ]);
    expect(cart.json.bundles[0].items[0]).toMatchObject({
      skuText: '颜色分类:黑色; 尺码:XL',
      quantity: 3,
    });
  });

  it('should refuse cart additions it cannot honour, with clear codes', async () => {
    const buyer = await t.loggedIn();
    await t.control.call('PATCH', '/items/600000000004', {
      limit: 1,
      skus: { '60000000000402': { stock: 0 } },
    });
    const noSku = await buyer.post('/cart/add.do', {
      itemId: '600000000001',
      skuId: '60000000000199',
      quantity: 1,
    });
    const noStock = await buyer.post('/cart/add.do', {
      itemId: '600000000004',
      skuId: '60000000000402',
      quantity: 1,
    });
    const overLimit = await buyer.post('/cart/add.do', {
      itemId: '600000000004',
      skuId: '60000000000401',
      quantity: 2,
    });
    const badQuantity = await buyer.post('/cart/add.do', {
      itemId: '600000000001',
      skuId: '60000000000101',
      quantity: 0,
    });
    const noToken = await buyer.request('POST', '/cart/add.do', {
      itemId: '600000000001',
      skuId: '60000000000101',
      quantity: 1,
    });
    const anonymous = await t
      .buyer()
      .post('/cart/add.do', { itemId: '600000000001', skuId: '60000000000101' });

    expect(noSku.json.code).toBe('SKU_NOT_FOUND');
    expect(noStock.json.code).toBe('STOCK_NOT_ENOUGH');
    expect(overLimit.json).toMatchObject({ code: 'F-10003', msg: '购买数量超过了限购数' });
    expect(badQuantity.json.code).toBe('QUANTITY_INVALID');
    expect(noToken.json.code).toBe('PAGE_EXPIRED');
    expect(anonymous.json.code).toBe('FAIL_SYS_SESSION_EXPIRED');
    expect((await buyer.get('/cart?format=json')).json.bundles).toEqual([]);
  });

  it('should create one unpaid order per seller, empty those cart lines and take stock', async () => {
    const buyer = await t.loggedIn();
    const keep = await buyer.addToCart('600000000004', '60000000000401', 1);
    const reply = await buyer.buy([
      ['600000000001', '60000000000103', 2],
      ['600000000002', '60000000000202', 1],
      ['600000000003', '60000000000301', 1],
      ['600000000005', '60000000000501', 1],
    ]);
    const truth = await t.control.get('/orders?login=sandbox_buyer');
    const cart = await buyer.get('/cart?format=json');
    const item = await t.control.get('/items/600000000001');

    expect(reply.json.orders.map((o: { sellerId: string }) => o.sellerId)).toEqual([
      '2200000001',
      '2200000002',
      '2200000003',
    ]);
    expect(reply.json.orders[0]).toMatchObject({
      totalFee: '247.00',
      items: [{ quantity: 2 }, { quantity: 1 }],
    });
    expect(truth.json.orders).toHaveLength(3);
    expect(truth.json.orders.every((o: { status: string }) => o.status === 'WAIT_BUYER_PAY')).toBe(
      true,
    );
    expect(truth.json.orders[0].address).toEqual(WAREHOUSE);
    expect(
      cart.json.bundles.flatMap((b: { items: Array<{ cartId: string }> }) =>
        b.items.map((i) => i.cartId),
      ),
    ).toEqual([keep]);
    expect(item.json.skus.find((s: { skuId: string }) => s.skuId === '60000000000103').stock).toBe(
      98,
    );
  });

  it('should show the confirm page with the address form and redirect a form submit to the result page', async () => {
    const buyer = await t.loggedIn();
    const cartId = await buyer.addToCart('600000000003', '60000000000302', 1);
    const page = await buyer.post('/auction/order/confirm_order.htm', { cartIds: cartId });
    const orderToken = /name="orderToken" value="([^"]+)"/.exec(page.text)![1]!;
    const submit = await buyer.post('/auction/order/submit_order.htm', {
      orderToken,
      ...WAREHOUSE,
    });
    const result = await buyer.get(submit.location!);

    expect(page.text).toContain('id="J_OrderData"');
    expect(page.text).toContain('id="J_AddrDetail"');
    expect(submit.status).toBe(302);
    expect(result.text).toMatch(/class="J_CreatedOrder" data-biz-order-id="\d{19}"/);
    expect(result.text).toContain('id="J_OrderResult"');
  });

  it('should buy now from the item page without the cart', async () => {
    const buyer = await t.loggedIn();
    const confirm = await buyer.post('/auction/order/confirm_order.htm?format=json', {
      buyNow: '1',
      itemId: '600000000004',
      skuId: '60000000000402',
      quantity: 3,
    });
    const reply = await buyer.submit(confirm.json.orderToken);

    expect(reply.json.orders[0].items).toEqual([
      { itemId: '600000000004', skuId: '60000000000402', quantity: 3 },
    ]);
  });

  it('should refuse a second submit of the same confirm page (B-15034) and create nothing more', async () => {
    const buyer = await t.loggedIn();
    const cartId = await buyer.addToCart('600000000004', '60000000000401', 1);
    const confirm = await buyer.confirm([cartId]);
    const staleConfirm = await buyer.confirm([cartId]);
    await buyer.submit(confirm.json.orderToken);
    const again = await buyer.submit(confirm.json.orderToken);
    const stale = await buyer.submit(staleConfirm.json.orderToken);
    const reconfirm = await buyer.confirm([cartId]);

    expect(again.json).toMatchObject({
      code: 'B-15034',
      msg: '您已经从购物车购买过此商品,请勿重复下单',
    });
    expect(stale.json.code).toBe('B-15034');
    expect(reconfirm.json.code).toBe('B-15034');
    expect((await t.control.get('/orders')).json.orders).toHaveLength(1);
  });

  it('should refuse quantities over the purchase limit counting open orders (F-10003)', async () => {
    const buyer = await t.loggedIn();
    await t.control.call('PATCH', '/items/600000000003', { limit: 2 });
    await buyer.buy([['600000000003', '60000000000301', 2]]);
    const confirm = await buyer.post('/auction/order/confirm_order.htm?format=json', {
      buyNow: '1',
      itemId: '600000000003',
      skuId: '60000000000302',
      quantity: 1,
    });

    expect(confirm.json).toMatchObject({
      code: 'F-10003',
      details: { itemId: '600000000003', limit: 2 },
    });
  });

  it('should refuse a submit after a price change with the old and new price', async () => {
    const buyer = await t.loggedIn();
    const cartId = await buyer.addToCart('600000000001', '60000000000101', 1);
    const confirm = await buyer.confirm([cartId]);
    await t.control.call('PATCH', '/items/600000000001', {
      skus: { '60000000000101': { price: '49.00' } },
    });
    const reply = await buyer.submit(confirm.json.orderToken);

    expect(reply.json).toMatchObject({
      code: 'PROMOTION_CHANGED',
      details: { changes: [{ skuId: '60000000000101', oldPrice: '59.00', newPrice: '49.00' }] },
    });
    expect((await t.control.get('/orders')).json.orders).toEqual([]);
  });

  it.each([
    ['a delisted item', { buyEnable: false }, 'DELISTED'],
    ['a removed SKU', { removeSkuIds: ['60000000000101'] }, 'SKU_GONE'],
    ['a sold-out SKU', { skus: { '60000000000101': { stock: 0 } } }, 'OUT_OF_STOCK'],
  ])('should refuse %s at submit as an invalid item', async (_name, patch, reason) => {
    const buyer = await t.loggedIn();
    const cartId = await buyer.addToCart('600000000001', '60000000000101', 1);
    const confirm = await buyer.confirm([cartId]);
    await t.control.call('PATCH', '/items/600000000001', patch);
    const reply = await buyer.submit(confirm.json.orderToken);

    expect(reply.json).toMatchObject({ code: 'ITEM_INVALID', msg: '有失效宝贝，请返回购物车修改' });
    expect(reply.json.details.invalidItems).toEqual([
      expect.objectContaining({ itemId: '600000000001', reason }),
    ]);
  });

  it('should answer busy / risk control as RGV587_ERROR when armed, then work again', async () => {
    const buyer = await t.loggedIn();
    const cartId = await buyer.addToCart('600000000001', '60000000000101', 1);
    const confirm = await buyer.confirm([cartId]);
    await t.control.post('/faults', {
      step: 'checkout.submit.before_create',
      mode: 'error',
      code: 'RGV587_ERROR',
    });
    const busy = await buyer.submit(confirm.json.orderToken);
    const retry = await buyer.submit(confirm.json.orderToken);

    expect(busy.json.code).toBe('RGV587_ERROR');
    expect(busy.json.msg).toContain('被挤爆啦');
    expect(retry.json.success).toBe(true);
  });

  it('should refuse an unknown confirm token or a wrong CSRF token as an expired page', async () => {
    const buyer = await t.loggedIn();
    const cartId = await buyer.addToCart('600000000001', '60000000000101', 1);
    const confirm = await buyer.confirm([cartId]);
    const unknown = await buyer.submit('ot_nonsense');
    const csrf = await buyer.post('/auction/order/submit_order.htm?format=json', {
      orderToken: confirm.json.orderToken,
      _tb_token_: 'forged',
      ...WAREHOUSE,
    });
    await t.control.post('/clock/advance', { ms: 31 * 60_000 });
    const late = await buyer.submit(confirm.json.orderToken);

    expect(unknown.json).toMatchObject({ code: 'PAGE_EXPIRED' });
    expect(unknown.json.msg).toContain('当前访问页面失效');
    expect(csrf.json.code).toBe('PAGE_EXPIRED');
    expect(late.json.code).toBe('PAGE_EXPIRED');
  });

  it('should refuse a malformed address naming the field', async () => {
    const buyer = await t.loggedIn();
    const cartId = await buyer.addToCart('600000000001', '60000000000101', 1);
    const confirm = await buyer.confirm([cartId]);
    const reply = await buyer.submit(confirm.json.orderToken, { ...WAREHOUSE, mobile: '123' });

    expect(reply.json).toMatchObject({ code: 'ADDRESS_INVALID', details: { field: 'mobile' } });
  });

  it('should enforce the deal limit on unpaid orders and allow more after paying', async () => {
    await t.control.call('PATCH', '/accounts/sandbox_buyer', { dealLimit: 2 });
    const buyer = await t.loggedIn();
    await buyer.buy([['600000000001', '60000000000101', 1]]);
    const twoSellers = await buyer.buy([
      ['600000000003', '60000000000301', 1],
      ['600000000005', '60000000000501', 1],
    ]);
    const truth = await t.control.get('/orders');
    await t.control.post(`/orders/${truth.json.orders[0].bizOrderId}/pay`);
    const afterPaying = await buyer.buy([['600000000004', '60000000000401', 1]]);

    expect(twoSellers.json).toMatchObject({ code: 'DEAL_LIMIT', details: { limit: 2, unpaid: 1 } });
    expect(twoSellers.json.msg).toContain('未付款订单数已达上限');
    expect(afterPaying.json.success).toBe(true);
  });

  it('should refuse an empty selection', async () => {
    const buyer = await t.loggedIn();

    expect((await buyer.confirm([])).json.code).toBe('CART_EMPTY');
  });

  it('should render checkout errors as a page with the code for a browser', async () => {
    const buyer = await t.loggedIn();
    const page = await buyer.post('/auction/order/submit_order.htm', {
      orderToken: 'nope',
      ...WAREHOUSE,
    });

    expect(page.text).toContain('<div id="J_ErrorPage" data-code="PAGE_EXPIRED">');
    expect(page.text).toContain('id="J_ErrorData"');
  });
});
