import type { ItemOffer } from '@autobuy/provider-adapters';

import { checkOffer } from './offer-check';
import type { ReserveItem } from './reserve.state';

const item: ReserveItem = {
  itemId: 'i1',
  title: 'T恤',
  providerItemId: '600000000001',
  skuId: '60000000000101',
  quantity: 2,
  sellerId: '2200000001',
  expectedPrice: '100.00',
  expectedConfiguration: '颜色分类:黑色; 尺码:M',
  outcome: 'pending',
};

function offer(
  overrides: Partial<ItemOffer> = {},
  sku: Partial<ItemOffer['skus'][number]> = {},
): ItemOffer {
  return {
    itemId: '600000000001',
    title: 'T恤',
    sellerId: '2200000001',
    sellerName: '简约男装工作室',
    isTmall: false,
    buyable: true,
    notBuyableText: null,
    pictureUrl: null,
    itemUrl: 'http://sandbox/item.htm?id=600000000001',
    skus: [
      {
        skuId: '60000000000101',
        configuration: '颜色分类:黑色;尺码:M',
        price: '100.00',
        stock: 5,
        ...sku,
      },
    ],
    ...overrides,
  };
}

describe('checkOffer', () => {
  it('should pass an unchanged offer (configuration spacing does not matter)', () => {
    expect(checkOffer(item, offer(), 0)).toEqual({ kind: 'ok' });
  });

  it('should refuse Tmall and unbuyable items with the reason', () => {
    expect(checkOffer(item, offer({ isTmall: true }), 0)).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/Tmall/),
    });
    expect(
      checkOffer(item, offer({ buyable: false, notBuyableText: '此商品已下架' }), 0),
    ).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('此商品已下架'),
    });
  });

  it('should raise an issue for a gone SKU, short stock, and a price beyond the tolerance only', () => {
    expect(checkOffer(item, offer({ skus: [] }), 0)).toMatchObject({
      kind: 'issue',
      issue: { kind: 'configuration' },
    });
    expect(checkOffer(item, offer({}, { stock: 1 }), 0)).toMatchObject({
      kind: 'issue',
      issue: { kind: 'stock', stock: 1 },
    });
    expect(checkOffer(item, offer({}, { price: '105.00' }), 5)).toEqual({ kind: 'ok' });
    expect(checkOffer(item, offer({}, { price: '105.01' }), 5)).toMatchObject({
      kind: 'issue',
      issue: { kind: 'price', oldPrice: '100.00', newPrice: '105.01' },
    });
  });
});
