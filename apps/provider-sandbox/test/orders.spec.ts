import { useSandbox, type BuyerClient } from './support/buyer-client';

// Items of the fixed catalogue, one seller each, so every checkout makes one order.
async function placeOrders(buyer: BuyerClient, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const reply = await buyer.buy([['600000000004', '60000000000401', 1]]);
    ids.push(reply.json.orders[0].bizOrderId as string);
  }

  return ids;
}

describe('bought list and order operations', () => {
  const t = useSandbox();

  beforeEach(async () => {
    await t.control.call('PATCH', '/accounts/sandbox_buyer', { dealLimit: 100 });
  });

  it('should embed the first page in the list page and page further as JSON, newest first', async () => {
    const buyer = await t.loggedIn();
    const ids = await placeOrders(buyer, 17);
    const page = await buyer.get('/trade/itemlist/list_bought_items.htm');
    const embedded = JSON.parse(/id="J_BoughtData">(.*?)<\/script>/s.exec(page.text)![1]!);
    const second = await buyer.get('/trade/itemlist/asyncBought.htm?pageNum=2&pageSize=15');
    const huge = await buyer.get('/trade/itemlist/asyncBought.htm?pageSize=500');

    expect(embedded.page).toEqual({ currentPage: 1, pageSize: 15, totalNumber: 17, totalPage: 2 });
    expect(embedded.mainOrders[0].id).toBe(ids[16]);
    expect(second.json.mainOrders.map((o: { id: string }) => o.id)).toEqual([ids[1], ids[0]]);
    expect(huge.json.page.pageSize).toBe(50);
    expect(embedded.mainOrders[0]).toMatchObject({
      statusInfo: { code: 'WAIT_BUYER_PAY', text: '等待买家付款' },
      seller: { id: '2200000002', shopName: '居家好物小铺' },
      payInfo: { actualFee: '19.90', postFee: '0.00' },
      subOrders: [
        {
          itemInfo: { id: '600000000004', skuId: '60000000000401', skuText: '颜色分类:黑色' },
          quantity: 1,
        },
      ],
    });
  });

  it('should find an order by its number and items by title, and filter by tab', async () => {
    const buyer = await t.loggedIn();
    const [first, second] = await placeOrders(buyer, 2);
    await t.control.post(`/orders/${second}/pay`);
    const byNumber = await buyer.get(`/trade/itemlist/asyncBought.htm?itemTitle=${first}`);
    const byTitle = await buyer.get(
      `/trade/itemlist/asyncBought.htm?itemTitle=${encodeURIComponent('手机支架')}`,
    );
    const waitPay = await buyer.get('/trade/itemlist/asyncBought.htm?tabCode=waitPay');
    const waitSend = await buyer.get('/trade/itemlist/asyncBought.htm?tabCode=waitSend');

    expect(byNumber.json.mainOrders.map((o: { id: string }) => o.id)).toEqual([first]);
    expect(byTitle.json.page.totalNumber).toBe(2);
    expect(waitPay.json.mainOrders.map((o: { id: string }) => o.id)).toEqual([first]);
    expect(waitSend.json.mainOrders.map((o: { id: string }) => o.id)).toEqual([second]);
    expect(waitPay.json.tabs.find((tab: { code: string }) => tab.code === 'waitSend').count).toBe(
      1,
    );
  });

  it("should show an order's detail and hide other buyers' orders", async () => {
    const buyer = await t.loggedIn();
    const [id] = await placeOrders(buyer, 1);
    const detail = await buyer.get(
      `/trade/detail/trade_order_detail.htm?biz_order_id=${id}&format=json`,
    );
    const page = await buyer.get(`/trade/detail/trade_order_detail.htm?biz_order_id=${id}`);
    await t.control.post('/accounts', { login: 'other_buyer' });
    const other = await t.loggedIn('other_buyer');
    const hidden = await other.get(
      `/trade/detail/trade_order_detail.htm?biz_order_id=${id}&format=json`,
    );

    expect(detail.json).toMatchObject({
      id,
      address: { fullName: '王鑫磊奇跡' },
      logistics: null,
      closeReason: null,
    });
    expect(page.text).toContain('id="J_DetailData"');
    expect(hidden.status).toBe(404);
    expect(hidden.json).toMatchObject({ code: 'ORDER_NOT_FOUND', msg: '订单不存在' });
  });

  it('should cancel an unpaid order with a reason, return the stock and refuse a bad reason', async () => {
    const buyer = await t.loggedIn();
    const [id] = await placeOrders(buyer, 1);
    const noReason = await buyer.post('/trade/cancel_order.do', { bizOrderId: id, reason: '随便' });
    const cancelPage = await buyer.get(`/trade/cancel_order.htm?biz_order_id=${id}`);
    const cancelled = await buyer.post('/trade/cancel_order.do', {
      bizOrderId: id,
      reason: '我不想买了',
    });
    const twice = await buyer.post('/trade/cancel_order.do', {
      bizOrderId: id,
      reason: '我不想买了',
    });
    const truth = await t.control.get(`/orders/${id}`);
    const item = await t.control.get('/items/600000000004');

    expect(noReason.json.code).toBe('CANCEL_REASON_INVALID');
    expect(cancelPage.text).toContain('<select id="J_CancelReason" name="reason">');
    expect(cancelled.json).toEqual({
      success: true,
      bizOrderId: id,
      status: 'TRADE_CLOSED_BY_TAOBAO',
    });
    expect(twice.json.code).toBe('ORDER_STATUS_INVALID');
    expect(truth.json).toMatchObject({
      status: 'TRADE_CLOSED_BY_TAOBAO',
      closeReason: '我不想买了',
    });
    expect(item.json.skus[0].stock).toBe(300);
  });

  it('should pay orders, then let the seller ship with a tracking number and the buyer finish', async () => {
    const buyer = await t.loggedIn();
    const [a, b] = await placeOrders(buyer, 2);
    const payPage = await buyer.get(`/trade/pay.htm?biz_order_id=${a},${b}`);
    const paid = await buyer.post('/trade/pay.do', { bizOrderIds: `${a},${b}` });
    const notShipped = await buyer.get(`/trade/json/transit_step.do?bizOrderId=${a}`);
    await t.control.post(`/orders/${a}/ship`, {
      expressId: 'SF1234567890',
      companyName: '顺丰速运',
    });
    const tracking = await buyer.get(`/trade/json/transit_step.do?bizOrderId=${a}`);
    const finished = await t.control.post(`/orders/${a}/finish`);
    const payAgain = await buyer.post('/trade/pay.do', { bizOrderIds: a });

    expect(payPage.text).toContain('id="J_PayButton"');
    expect(paid.json).toEqual({ success: true, paid: [a, b] });
    expect(notShipped.json).toMatchObject({ isSuccess: 'false', msg: '暂无物流信息' });
    expect(tracking.json).toMatchObject({
      isSuccess: 'true',
      expressId: 'SF1234567890',
      expressName: '顺丰速运',
    });
    expect(finished.json.status).toBe('TRADE_FINISHED');
    expect(payAgain.json.code).toBe('ORDER_STATUS_INVALID');
  });

  it('should mark a partly shipped order and refund a paid one', async () => {
    const buyer = await t.loggedIn();
    const reply = await buyer.buy([
      ['600000000001', '60000000000101', 1],
      ['600000000002', '60000000000201', 1],
    ]);
    const order = (await t.control.get(`/orders/${reply.json.orders[0].bizOrderId}`)).json;
    await t.control.post(`/orders/${order.bizOrderId}/pay`);
    const part = await t.control.post(`/orders/${order.bizOrderId}/ship`, {
      subOrderIds: [order.subOrders[0].id],
    });
    const refunded = await t.control.post(`/orders/${order.bizOrderId}/refund`);

    expect(order.subOrders).toHaveLength(2);
    expect(part.json.status).toBe('SELLER_CONSIGNED_PART');
    expect(refunded.json).toMatchObject({ status: 'TRADE_CLOSED', statusText: '交易关闭' });
  });

  it('should let the seller close an unpaid order and refuse shipping an unpaid one', async () => {
    const buyer = await t.loggedIn();
    const [id] = await placeOrders(buyer, 1);
    const ship = await t.control.post(`/orders/${id}/ship`);
    const closed = await t.control.post(`/orders/${id}/close`);

    expect(ship.status).toBe(409);
    expect(ship.json.error.code).toBe('ORDER_STATUS_INVALID');
    expect(closed.json).toMatchObject({
      status: 'TRADE_CLOSED_BY_TAOBAO',
      closeReason: '卖家关闭交易',
    });
  });

  it('should auto-close unpaid orders after autoCloseMs of virtual time', async () => {
    const buyer = await t.loggedIn();
    await t.control.post('/config', { autoCloseMs: 3_600_000 });
    const [unpaid, paid] = await placeOrders(buyer, 2);
    await t.control.post(`/orders/${paid}/pay`);
    await t.control.post('/clock/advance', { ms: 3_600_001 });
    const list = await t.control.get('/orders');
    const byId = new Map(list.json.orders.map((o: { bizOrderId: string }) => [o.bizOrderId, o]));

    expect(byId.get(unpaid)).toMatchObject({
      status: 'TRADE_CLOSED_BY_TAOBAO',
      closeReason: '超时未付款，交易自动关闭',
    });
    expect(byId.get(paid)).toMatchObject({ status: 'WAIT_SELLER_SEND_GOODS' });
  });

  it('should send an anonymous visitor of the bought list to the login page', async () => {
    const reply = await t.buyer().get('/trade/itemlist/list_bought_items.htm');

    expect(reply.status).toBe(302);
    expect(reply.location).toContain('/member/login.jhtml?redirectURL=');
  });
});
