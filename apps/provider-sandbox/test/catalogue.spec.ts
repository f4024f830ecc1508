import { useSandbox } from './support/buyer-client';

describe('catalogue', () => {
  const t = useSandbox();

  it('should hold the fixed demo items with their exact SKU ids whatever the seed', async () => {
    for (const seed of [1, 42]) {
      await t.control.post('/reset', { seed });
      const reply = await t.buyer().get('/item.htm?id=600000000001&format=json');

      expect(reply.json.seller).toEqual({
        sellerId: '2200000001',
        shopName: '简约男装工作室',
        sellerType: 'C',
      });
      expect(reply.json.skuBase.skus[2]).toEqual({
        skuId: '60000000000103',
        propPath: '1627207:28341;20509:28317',
      });
      expect(reply.json.skuBase.skus[3]).toEqual({
        skuId: '60000000000104',
        propPath: '1627207:28320;20509:28315',
      });
      expect(reply.json.skuCore.sku2info['60000000000103']).toEqual({
        price: { priceMoney: 5900, priceText: '59.00' },
        quantity: 100,
      });
    }
  });

  it('should rebuild the same catalogue and ids from the same seed, and another from another seed', async () => {
    await t.control.post('/reset', { seed: 7 });
    const first = (await t.control.get('/items')).json;
    await t.control.post('/reset', { seed: 7 });
    const again = (await t.control.get('/items')).json;
    await t.control.post('/reset', { seed: 8 });
    const other = (await t.control.get('/items')).json;

    expect(again).toEqual(first);
    expect(other.items).not.toEqual(first.items);
    expect(first.sellers.filter((s: { isTmall: boolean }) => s.isTmall).length).toBeGreaterThan(1);
    expect(first.items.some((item: { buyEnable: boolean }) => !item.buyEnable)).toBe(true);
  });

  it('should number orders the same way after the same seed', async () => {
    const orderIds: string[] = [];
    for (let run = 0; run < 2; run += 1) {
      await t.control.post('/reset', { seed: 3 });
      const buyer = await t.loggedIn();
      const reply = await buyer.buy([['600000000004', '60000000000401']]);
      orderIds.push(reply.json.orders[0].bizOrderId);
    }

    expect(orderIds[0]).toMatch(/^\d{19}$/);
    expect(orderIds[1]).toBe(orderIds[0]);
  });

  it('should mark a Tmall item as seller type B and send its Taobao path to the Tmall one', async () => {
    const buyer = t.buyer();
    const json = await buyer.get('/item.htm?id=600000000005&format=json');
    const page = await buyer.get('/item.htm?id=600000000005');
    const tmallPage = await buyer.get('/detail.tmall/item.htm?id=600000000005');

    expect(json.json.seller.sellerType).toBe('B');
    expect(page.status).toBe(302);
    expect(page.location).toBe('/detail.tmall/item.htm?id=600000000005');
    expect(tmallPage.text).toContain('id="J_ItemData"');
  });

  it('should embed the item data in the page as JSON', async () => {
    const page = await t.buyer().get('/item.htm?id=600000000003');
    const embedded = /<script type="application\/json" id="J_ItemData">(.*?)<\/script>/s.exec(
      page.text,
    )?.[1];

    expect(JSON.parse(embedded!).item.title).toBe('不锈钢保温杯 500ml 大容量');
    expect(page.text).toContain('data-value="1627207:28332"');
  });

  it('should say an item cannot be bought, with the reason', async () => {
    await t.control.call('PATCH', '/items/600000000004', {
      buyEnable: false,
      reason: '此商品已下架',
    });
    const reply = await t.buyer().get('/item.htm?id=600000000004&format=json');

    expect(reply.json.trade).toEqual({
      buyEnable: false,
      cartEnable: false,
      reason: '此商品已下架',
      limit: null,
    });
  });

  it('should answer an unknown item with 404 and the provider text', async () => {
    const reply = await t.buyer().get('/item.htm?id=699999999999&format=json');

    expect(reply.status).toBe(404);
    expect(reply.json.code).toBe('ITEM_NOT_FOUND');
  });

  it('should serve item pictures', async () => {
    const response = await fetch(`${t.sandbox.url}/img/item/600000000001.svg`);

    expect(response.headers.get('content-type')).toContain('image/svg+xml');
  });

  it('should sell the items of a shop added through the control API, one order for the shop', async () => {
    const added = await t.control.post('/sellers', {
      shopName: '基准测试小铺',
      items: [
        { title: '测试水杯', price: '12.50', stock: 30, colours: 3 },
        { title: '测试毛巾', price: '8.00' },
      ],
    });
    const { seller, items } = added.json;
    const page = await t.buyer().get(`/item.htm?id=${items[0].itemId}&format=json`);
    const buyer = await t.loggedIn();
    const bought = await buyer.buy([
      [items[0].itemId, items[0].skus[2].skuId],
      [items[1].itemId, items[1].skus[0].skuId],
    ]);

    expect(added.status).toBe(201);
    expect(Number(seller.sellerId)).toBeGreaterThan(2200000124);
    expect(items[0].skus.map((sku: { stock: number }) => sku.stock)).toEqual([30, 30, 30]);
    expect(items[1].skus).toHaveLength(1);
    expect(page.json.seller).toEqual({
      sellerId: seller.sellerId,
      shopName: '基准测试小铺',
      sellerType: 'C',
    });
    expect(page.json.skuCore.sku2info[items[0].skus[0].skuId].price.priceText).toBe('12.50');
    expect(bought.json.orders).toHaveLength(1);
    expect(bought.json.orders[0].sellerId).toBe(seller.sellerId);
  });

  it('should give every added shop new ids and forget them at the next reset', async () => {
    const first = await t.control.post('/sellers', {
      shopName: '甲店',
      items: [{ title: '甲', price: '1.00' }],
    });
    const second = await t.control.post('/sellers', {
      shopName: '乙店',
      isTmall: true,
      items: [{ title: '乙', price: '2.00' }],
    });
    await t.control.post('/reset', { seed: 1 });
    const after = await t.buyer().get(`/item.htm?id=${first.json.items[0].itemId}&format=json`);

    expect(second.json.seller.sellerId).not.toBe(first.json.seller.sellerId);
    expect(second.json.items[0].itemId).not.toBe(first.json.items[0].itemId);
    expect(second.json.seller.isTmall).toBe(true);
    expect(after.status).toBe(404);
  });

  it('should refuse a shop without items or with a bad price, naming the field', async () => {
    const empty = await t.control.post('/sellers', { shopName: '空店', items: [] });
    const badPrice = await t.control.post('/sellers', {
      shopName: '错价店',
      items: [{ title: '错', price: 'free' }],
    });

    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toContain('items');
    expect(badPrice.status).toBe(400);
    expect(badPrice.json.error.message).toContain('items.0.price');
  });
});
