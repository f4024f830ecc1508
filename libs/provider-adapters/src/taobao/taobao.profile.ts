/**
 * Everything the Taobao adapter knows about the site: URLs, selectors, JSON paths, cookie names
 * and error codes. When the site changes, this is the one file to edit; a "provider changed"
 * error names the entry (`urls.…`, `selectors.…`, `paths.…`) that stopped matching.
 *
 * URLs use `{host}` placeholders filled from the adapter's configured hosts, so the same profile
 * runs against the real site or against the Sandbox (all hosts mapped onto its origin).
 */
export const TAOBAO_PROFILE = {
  urls: {
    'login.page': '{login}/member/login.jhtml',
    'session.probe': '{www}/my_taobao.htm',
    'item.home': '{item}/',
    'item.page': '{item}/item.htm?id={itemId}',
    // The item page's data as JSON, read with `fetch` so several offers load at once.
    'item.json': '{item}/item.htm?id={itemId}&format=json',
    'cart.page': '{cart}/cart',
    'cart.add': '{cart}/cart/add.do',
    'cart.update': '{cart}/cart/update.do',
    'checkout.confirm': '{buy}/auction/order/confirm_order.htm?cartIds={cartIds}',
    'orders.list': '{buyertrade}/trade/itemlist/list_bought_items.htm',
    'orders.async': '{buyertrade}/trade/itemlist/asyncBought.htm',
    'order.detail': '{trade}/trade/detail/trade_order_detail.htm?biz_order_id={orderNumber}',
    'order.tracking': '{buyertrade}/trade/json/transit_step.do?bizOrderId={orderNumber}',
    'order.cancelPage': '{buyertrade}/trade/cancel_order.htm?biz_order_id={orderNumber}',
    'order.cancel': '{buyertrade}/trade/cancel_order.do',
  },

  // Fragments of URLs that tell where the browser has been sent.
  urlMarkers: {
    loginPage: '/member/login.jhtml',
    punish: '_____tmd_____/punish',
    identityCheck: '/iv/normal_validate',
    qrLogin: '/newlogin/qrcode/login.htm',
  },

  selectors: {
    'login.slider': '#nocaptcha',
    'login.error': '#login-error',
    'item.data': '#J_ItemData',
    'cart.data': '#J_CartData',
    'checkout.orderData': '#J_OrderData',
    'checkout.address.name': '#J_AddrName',
    'checkout.address.mobile': '#J_AddrMobile',
    'checkout.address.division': '#J_AddrDivision',
    'checkout.address.post': '#J_AddrPost',
    'checkout.address.detail': '#J_AddrDetail',
    'checkout.submit': '#J_Submit',
    'checkout.result': '#J_OrderResult',
    'orders.data': '#J_BoughtData',
    'order.detailData': '#J_DetailData',
    'error.page': '#J_ErrorPage',
    'error.data': '#J_ErrorData',
  },

  paths: {
    'result.success': 'success',
    'result.code': 'code',
    'result.message': 'msg',

    'item.id': 'item.itemId',
    'item.title': 'item.title',
    'item.images': 'item.images',
    'item.url': 'item.url',
    'item.sellerId': 'seller.sellerId',
    'item.shopName': 'seller.shopName',
    'item.sellerType': 'seller.sellerType',
    'item.props': 'skuBase.props',
    'item.skus': 'skuBase.skus',
    'item.sku2info': 'skuCore.sku2info',
    'item.buyEnable': 'trade.buyEnable',
    'item.notBuyableReason': 'trade.reason',
    'prop.pid': 'pid',
    'prop.name': 'name',
    'prop.values': 'values',
    'propValue.vid': 'vid',
    'propValue.name': 'name',
    'sku.id': 'skuId',
    'sku.propPath': 'propPath',
    'skuInfo.price': 'price.priceText',
    'skuInfo.stock': 'quantity',

    'cart.bundles': 'bundles',
    'bundle.items': 'items',
    'cartItem.cartId': 'cartId',
    'cartAdd.cartId': 'cartId',
    'cartAdd.quantity': 'quantity',

    'confirm.groups': 'groups',
    'group.sellerId': 'sellerId',
    'group.shopName': 'shopName',
    'group.sellerType': 'sellerType',
    'group.items': 'items',
    'confirmItem.cartId': 'cartId',
    'confirmItem.itemId': 'itemId',
    'confirmItem.skuId': 'skuId',
    'confirmItem.skuText': 'skuText',
    'confirmItem.price': 'price',
    'confirmItem.quantity': 'quantity',

    'created.orders': 'orders',
    'createdOrder.id': 'bizOrderId',
    'createdOrder.sellerId': 'sellerId',
    'createdOrder.shopName': 'shopName',
    'createdOrder.totalFee': 'totalFee',
    'createdOrder.items': 'items',
    'createdItem.itemId': 'itemId',
    'createdItem.skuId': 'skuId',

    'bought.totalPages': 'page.totalPage',
    'bought.currentPage': 'page.currentPage',
    'bought.pageSize': 'page.pageSize',
    'bought.orders': 'mainOrders',
    'mainOrder.id': 'id',
    'mainOrder.createTime': 'orderInfo.createTime',
    'mainOrder.createTimeMs': 'orderInfo.createTimeMs',
    'mainOrder.modifyTimeMs': 'orderInfo.modifyTimeMs',
    'mainOrder.sellerId': 'seller.id',
    'mainOrder.shopName': 'seller.shopName',
    'mainOrder.status': 'statusInfo.code',
    'mainOrder.actualFee': 'payInfo.actualFee',
    'mainOrder.postFee': 'payInfo.postFee',
    'mainOrder.subOrders': 'subOrders',
    'subOrder.itemId': 'itemInfo.id',
    'subOrder.title': 'itemInfo.title',
    'subOrder.pic': 'itemInfo.pic',
    'subOrder.skuId': 'itemInfo.skuId',
    'subOrder.skuText': 'itemInfo.skuText',
    'subOrder.quantity': 'quantity',
    'subOrder.total': 'priceInfo.realTotal',

    'tracking.shipped': 'isSuccess',
    'tracking.expressId': 'expressId',
    'tracking.company': 'expressName',
  },

  cookies: {
    userId: 'unb',
    nicknames: ['dnk', '__nk__'],
    csrf: '_tb_token_',
  },

  // Form and query field names the site expects.
  fields: {
    csrf: '_tb_token_',
    itemId: 'itemId',
    skuId: 'skuId',
    quantity: 'quantity',
    cartId: 'cartId',
    pageNum: 'pageNum',
    pageSize: 'pageSize',
    tabCode: 'tabCode',
    search: 'itemTitle',
    orderId: 'bizOrderId',
    cancelReason: 'reason',
  },

  // The bought list's largest page; asking for more is clamped by the site.
  maxPageSize: 50,
  sellerTypeTmall: 'B',

  // Error codes, grouped by what they mean for the buyer.
  codes: {
    sessionExpired: ['FAIL_SYS_SESSION_EXPIRED', 'FAIL_SYS_TOKEN_EXOIRED'],
    busy: ['SYSTEM_ERROR', 'RGV587_ERROR', 'PAGE_EXPIRED'],
    dealLimit: ['DEAL_LIMIT'],
    priceChanged: ['PROMOTION_CHANGED'],
    itemInvalid: ['ITEM_INVALID'],
    itemGone: ['ITEM_NOT_FOUND'],
    skuGone: ['SKU_NOT_FOUND'],
    notBuyable: ['ITEM_NOT_BUYABLE', 'F-10003'],
    outOfStock: ['STOCK_NOT_ENOUGH'],
    addressInvalid: ['ADDRESS_INVALID'],
    orderNotFound: ['ORDER_NOT_FOUND'],
  },
  // `reason` values inside an ITEM_INVALID error's `details.invalidItems`.
  invalidItemReasons: { skuGone: 'SKU_GONE', outOfStock: 'OUT_OF_STOCK' },
} as const;

type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : { [K in keyof T]: Widen<T[K]> };

/** The profile's shape with plain strings, so a test or a hot fix can replace single entries. */
export type TaobaoProfile = Widen<typeof TAOBAO_PROFILE>;

/** Base URL of each of the site's hosts; every `{host}` placeholder of the profile needs one. */
export interface TaobaoHosts {
  login: string;
  www: string;
  item: string;
  cart: string;
  buy: string;
  buyertrade: string;
  trade: string;
}

export const TAOBAO_HOSTS: TaobaoHosts = {
  login: 'https://login.taobao.com',
  www: 'https://i.taobao.com',
  item: 'https://item.taobao.com',
  cart: 'https://cart.taobao.com',
  buy: 'https://buy.taobao.com',
  buyertrade: 'https://buyertrade.taobao.com',
  trade: 'https://trade.taobao.com',
};

/** The Sandbox serves every host from one origin. */
export function sandboxHosts(sandboxUrl: string): TaobaoHosts {
  const origin = sandboxUrl.replace(/\/$/, '');

  return {
    login: origin,
    www: origin,
    item: origin,
    cart: origin,
    buy: origin,
    buyertrade: origin,
    trade: origin,
  };
}
