import type { ProviderCode } from './providers';

/**
 * Where an order item stands in its purchase. `available` items can be reserved; the rest are
 * listed under "Purchased" except `refused` (could not be bought automatically, e.g. Tmall).
 */
export const ITEM_PURCHASE_STATES = [
  'available',
  'reserving',
  'reserved',
  'paid',
  'shipped',
  'finished',
  'closed',
  'refused',
] as const;
export type ItemPurchaseState = (typeof ITEM_PURCHASE_STATES)[number];

/** States shown in the "Purchased" section of the purchase tab. */
export const PURCHASED_STATES: readonly ItemPurchaseState[] = [
  'reserving',
  'reserved',
  'paid',
  'shipped',
  'finished',
  'closed',
];

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'RUB'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface OrderItemDto {
  id: string;
  /** The integrator's id of this line, unique within the order. */
  externalId: string;
  provider: ProviderCode;
  providerItemId: string;
  skuId: string | null;
  /** Human-readable SKU configuration, e.g. `颜色分类:黑色; 尺码:XL`. */
  configuration: string | null;
  title: string;
  quantity: number;
  unitPrice: string;
  currency: Currency;
  sellerId: string;
  sellerName: string;
  isTmall: boolean;
  pictureUrl: string | null;
  itemUrl: string | null;
  state: ItemPurchaseState;
  /** Why the item was refused or returned to available, in words an operator understands. */
  stateReason: string | null;
  providerOrderNumber: string | null;
  trackingNumber: string | null;
  accountId: string | null;
  accountLogin: string | null;
}

export interface OrderSummaryDto {
  id: string;
  externalId: string;
  customerName: string;
  itemCount: number;
  /** Counts of the order's items per purchase state. */
  stateCounts: Partial<Record<ItemPurchaseState, number>>;
  createdAt: string;
  updatedAt: string;
}

export interface OrderDto extends OrderSummaryDto {
  comment: string | null;
  items: OrderItemDto[];
}

export interface ImportOrderItemRequest {
  externalId: string;
  provider: ProviderCode;
  providerItemId: string;
  skuId?: string;
  configuration?: string;
  title: string;
  quantity: number;
  /** Decimal string or number, e.g. `"129.00"`. */
  unitPrice: string | number;
  currency: Currency;
  sellerId: string;
  sellerName: string;
  isTmall?: boolean;
  pictureUrl?: string;
  itemUrl?: string;
}

/** `POST /api/v1/orders`: idempotent by `externalId`. */
export interface ImportOrderRequest {
  externalId: string;
  customerName: string;
  comment?: string;
  items: ImportOrderItemRequest[];
}

export interface ListOrdersQuery {
  /** Orders having at least one item in this state. */
  state?: ItemPurchaseState;
  /** Matches the order's external id, customer name, item titles and provider order numbers. */
  q?: string;
  cursor?: string;
  limit?: number;
}
