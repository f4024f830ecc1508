import type { OrderDto, OrderItemDto } from '@autobuy/contracts';

export function orderItem(overrides: Partial<OrderItemDto> = {}): OrderItemDto {
  return {
    id: 'item-1',
    externalId: 'line-1',
    provider: 'sandbox',
    providerItemId: '680123456789',
    skuId: '5012345678901',
    configuration: '颜色分类:黑色; 尺码:XL',
    title: '夏季新款纯棉短袖T恤男宽松',
    quantity: 2,
    unitPrice: '59.00',
    currency: 'CNY',
    sellerId: 'seller-1',
    sellerName: '优衣工厂店',
    isTmall: false,
    pictureUrl: null,
    itemUrl: 'https://item.taobao.com/item.htm?id=680123456789',
    state: 'available',
    stateReason: null,
    providerOrderNumber: null,
    trackingNumber: null,
    accountId: null,
    accountLogin: null,
    ...overrides,
  };
}

export function order(overrides: Partial<OrderDto> = {}): OrderDto {
  const items = overrides.items ?? [orderItem()];

  return {
    id: 'order-1',
    externalId: 'SHOP-1001',
    customerName: 'Иван Петров',
    itemCount: items.length,
    stateCounts: { available: items.length },
    createdAt: '2026-11-30T10:00:00.000Z',
    updatedAt: '2026-11-30T10:00:00.000Z',
    comment: null,
    ...overrides,
    items,
  };
}
