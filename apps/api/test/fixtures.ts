import type { ImportOrderItemRequest, ImportOrderRequest } from '@autobuy/contracts';

export function orderItem(overrides: Partial<ImportOrderItemRequest> = {}): ImportOrderItemRequest {
  return {
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
    ...overrides,
  };
}

export function importRequest(
  externalId: string,
  overrides: Partial<ImportOrderRequest> = {},
): ImportOrderRequest {
  return {
    externalId,
    customerName: 'Иванова Мария',
    items: [orderItem()],
    ...overrides,
  };
}

export const VALID_WAREHOUSE = {
  recipientName: '王鑫磊奇跡',
  mobilePhone: '11147043234',
  regionCode: '150784',
  zipCode: '021400',
  address: '尚都国际小区东区9号楼23号车库',
};
