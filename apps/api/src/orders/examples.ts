import type { OrderDto, OrderSummaryDto, Page } from '@autobuy/contracts';

export const ORDER_EXAMPLE: OrderDto = {
  id: '3f1c9a52-8d4e-4b7a-9c21-6e5d4f3a2b10',
  externalId: 'SHOP-10045',
  customerName: 'Иванова Мария',
  comment: null,
  itemCount: 1,
  stateCounts: { available: 1 },
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  items: [
    {
      id: '7a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
      externalId: 'line-1',
      provider: 'sandbox',
      providerItemId: '600000000001',
      skuId: '60000000000103',
      configuration: '颜色分类:黑色; 尺码:XL',
      title: '男士纯棉圆领短袖T恤 夏季宽松',
      quantity: 2,
      unitPrice: '59.00',
      currency: 'CNY',
      sellerId: '2200000001',
      sellerName: '简约男装工作室',
      isTmall: false,
      pictureUrl: 'http://127.0.0.1:3100/img/item/600000000001.svg',
      itemUrl: 'http://127.0.0.1:3100/item.htm?id=600000000001',
      state: 'available',
      stateReason: null,
      providerOrderNumber: null,
      trackingNumber: null,
      accountId: null,
      accountLogin: null,
    },
  ],
};

export const PAGE_EXAMPLE: Page<OrderSummaryDto> = {
  items: [
    {
      id: ORDER_EXAMPLE.id,
      externalId: ORDER_EXAMPLE.externalId,
      customerName: ORDER_EXAMPLE.customerName,
      itemCount: ORDER_EXAMPLE.itemCount,
      stateCounts: ORDER_EXAMPLE.stateCounts,
      createdAt: ORDER_EXAMPLE.createdAt,
      updatedAt: ORDER_EXAMPLE.updatedAt,
    },
  ],
  nextCursor: 'WyIyMDI2LTEyLTAxVDA5OjAwOjAwLjAwMFoiLCIzZjFjOWE1MiJd',
};
