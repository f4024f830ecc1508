/**
 * Everything the Kitmall adapter knows about Kitmall's JSON API: endpoints, JSON paths and
 * error codes. A "provider changed" error names the entry (`urls.…`, `paths.…`) that failed.
 * `{api}` is the configured base URL, e.g. `https://api.kitmall.example/kitmall/api/v1`.
 */
export const KITMALL_PROFILE = {
  urls: {
    item: '{api}/items/{itemId}',
    orders: '{api}/orders',
    order: '{api}/orders/{orderNumber}',
    cancel: '{api}/orders/{orderNumber}/cancel',
  },
  selectors: {},
  paths: {
    'error.code': 'error.code',
    'error.message': 'error.message',

    'item.id': 'itemId',
    'item.title': 'title',
    'item.sellerId': 'sellerId',
    'item.shopName': 'shopName',
    'item.isTmall': 'isTmall',
    'item.buyable': 'buyable',
    'item.reason': 'reason',
    'item.picture': 'picUrl',
    'item.skus': 'skus',
    'sku.id': 'skuId',
    'sku.configuration': 'propsText',
    'sku.price': 'price',
    'sku.stock': 'stock',

    'created.orders': 'orders',
    'list.orders': 'orders',
    'list.total': 'total',
    'list.page': 'page',
    'list.pageSize': 'pageSize',
    'order.id': 'orderId',
    'order.status': 'status',
    'order.sellerId': 'sellerId',
    'order.shopName': 'shopName',
    'order.createdAtMs': 'createdAtMs',
    'order.totalFee': 'totalFee',
    'order.items': 'items',
    'order.expressId': 'expressId',
    'order.expressName': 'expressName',
    'orderItem.itemId': 'itemId',
    'orderItem.skuId': 'skuId',
    'orderItem.title': 'title',
    'orderItem.configuration': 'propsText',
    'orderItem.quantity': 'quantity',
    'orderItem.price': 'price',
  },
  apiKeyHeader: 'X-Api-Key',
  maxPageSize: 100,
  codes: {
    unauthorized: ['UNAUTHORIZED'],
    busy: ['SYSTEM_ERROR', 'BUSY'],
    dealLimit: ['DEAL_LIMIT'],
    itemGone: ['ITEM_NOT_FOUND'],
    skuGone: ['SKU_NOT_FOUND'],
    notBuyable: ['NOT_BUYABLE', 'LIMIT_EXCEEDED'],
    outOfStock: ['OUT_OF_STOCK'],
    badRequest: ['BAD_REQUEST'],
    orderNotFound: ['ORDER_NOT_FOUND'],
  },
} as const;

type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : { [K in keyof T]: Widen<T[K]> };

/** The profile's shape with plain strings, so a test or a hot fix can replace single entries. */
export type KitmallProfile = Widen<typeof KITMALL_PROFILE>;
