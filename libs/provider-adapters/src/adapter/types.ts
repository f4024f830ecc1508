import type { ProviderOrderStatus } from './order-status';

/** One cookie of a provider session, in the shape CDP and Puppeteer use. */
export interface SessionCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** Seconds since the epoch; -1 for a session cookie. */
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None';
}

/**
 * Everything needed to rebuild a logged-in browser: cookies and each origin's localStorage.
 * The caller stores it encrypted; the library never writes it to disk.
 */
export interface SessionSnapshot {
  cookies: SessionCookie[];
  /** localStorage per origin, e.g. `{ "https://www.taobao.com": { key: "value" } }`. */
  localStorage: Record<string, Record<string, string>>;
}

/** Who the adapter acts for. Browser providers need `session`; API providers need `apiKey`. */
export interface AccountAccess {
  /** Our id of the provider account; browser contexts are keyed by it. */
  accountId: string;
  /** The buyer's nickname on the provider. */
  login: string;
  session?: SessionSnapshot | null;
  apiKey?: string | null;
}

export interface SessionCheck {
  loggedIn: boolean;
  /** The nickname the provider shows, when logged in. */
  nickname: string | null;
}

export interface SkuOffer {
  skuId: string;
  /** `颜色分类:黑色; 尺码:XL` — props joined with `; `, as the shop shows it. */
  configuration: string;
  /** Decimal string in CNY, e.g. `"59.00"`. */
  price: string;
  stock: number;
}

/** An item as the provider offers it right now. */
export interface ItemOffer {
  itemId: string;
  title: string;
  sellerId: string;
  sellerName: string;
  isTmall: boolean;
  /** False when the provider refuses to sell it; `notBuyableText` says why. */
  buyable: boolean;
  notBuyableText: string | null;
  pictureUrl: string | null;
  itemUrl: string;
  skus: SkuOffer[];
}

/** The delivery address, in Chinese, as the provider's checkout expects it. */
export interface DeliveryAddress {
  recipientName: string;
  mobilePhone: string;
  regionCode: string;
  zipCode: string;
  address: string;
}

/** One line to reserve. `lineId` is the caller's id and comes back in the result. */
export interface ReserveLine {
  lineId: string;
  itemId: string;
  /** Null for an item without SKUs. */
  skuId: string | null;
  quantity: number;
  /**
   * What the shop's customer agreed to. A different price (beyond `priceTolerancePercent`)
   * or configuration stops the reservation with an "item outdated" error before any submit.
   */
  expectedPrice?: string;
  expectedConfiguration?: string;
}

export interface ReserveRequest {
  lines: ReserveLine[];
  address: DeliveryAddress;
  /** A price change up to this percentage is accepted; default 0. */
  priceTolerancePercent?: number;
  /**
   * Called right before the order is submitted, so the caller can record a "submitting"
   * attempt first; if it throws, nothing is submitted.
   */
  beforeSubmit?: () => Promise<void>;
  /**
   * The caller's id of this attempt. Providers with an idempotency key (Kitmall's `outerId`)
   * use it so a retried submit returns the first submit's orders instead of new ones.
   */
  attemptId?: string;
}

/** One provider order created by a reservation (one per seller). */
export interface ReservedOrder {
  orderNumber: string;
  sellerId: string;
  sellerName: string;
  status: ProviderOrderStatus;
  /** Decimal string in CNY: what the buyer will pay, postage included. */
  totalFee: string;
  /** The caller's `lineId`s that went into this order. */
  lineIds: string[];
}

export interface ReserveResult {
  /** Only orders the provider shows in its order list; never an order merely assumed. */
  orders: ReservedOrder[];
  /**
   * Orders the provider named on its result page but did not show in its order list (yet);
   * they are not counted as created, and the caller should look for them again before retrying.
   */
  unconfirmedOrderNumbers: string[];
}

export interface OrderLine {
  itemId: string;
  skuId: string | null;
  title: string;
  configuration: string | null;
  quantity: number;
  /** Decimal string in CNY. */
  total: string;
  pictureUrl: string | null;
}

/** A provider order as its order list shows it. */
export interface ProviderOrder {
  orderNumber: string;
  createdAt: string;
  sellerName: string;
  sellerId: string | null;
  status: ProviderOrderStatus;
  /** The provider's own status code, e.g. `WAIT_BUYER_PAY`, kept for logs and support. */
  providerStatus: string;
  /** Decimal strings in CNY. */
  totalFee: string;
  postFee: string;
  lines: OrderLine[];
}

export interface ListOrdersQuery {
  /** Only orders created or changed at or after this time. */
  since?: Date;
  /** 1-based. */
  page: number;
  pageSize?: number;
}

export interface OrderPage {
  orders: ProviderOrder[];
  page: number;
  totalPages: number;
}

export interface TrackingInfo {
  orderNumber: string;
  /** The carrier's tracking number; null while nothing has shipped. */
  trackingNumber: string | null;
  carrier: string | null;
}

/** Reasons the provider accepts for cancelling an unpaid order. */
export const CANCEL_REASONS = [
  '我不想买了',
  '信息填写错误，重新拍',
  '卖家缺货',
  '同城见面交易',
  '其他原因',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
