import type {
  ItemPurchaseState,
  OrderDto,
  OrderItemDto,
  OrderSummaryDto,
} from '@autobuy/contracts';

import type { OrderItemEntity } from './entities/order-item.entity';
import type { OrderEntity } from './entities/order.entity';

export type StateCounts = Partial<Record<ItemPurchaseState, number>>;

export function toOrderSummaryDto(order: OrderEntity, counts: StateCounts): OrderSummaryDto {
  return {
    id: order.id,
    externalId: order.externalId,
    customerName: order.customerName,
    itemCount: Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0),
    stateCounts: counts,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

export function toOrderItemDto(item: OrderItemEntity): OrderItemDto {
  return {
    id: item.id,
    externalId: item.externalId,
    provider: item.provider,
    providerItemId: item.providerItemId,
    skuId: item.skuId,
    configuration: item.configuration,
    title: item.title,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
    currency: item.currency,
    sellerId: item.sellerId,
    sellerName: item.sellerName,
    isTmall: item.isTmall,
    pictureUrl: item.pictureUrl,
    itemUrl: item.itemUrl,
    state: item.state,
    stateReason: item.stateReason,
    providerOrderNumber: item.providerOrderNumber,
    trackingNumber: item.trackingNumber,
    accountId: item.accountId,
    accountLogin: item.account?.login ?? null,
  };
}

export function toOrderDto(order: OrderEntity, items: OrderItemEntity[]): OrderDto {
  const counts: StateCounts = {};
  for (const item of items) {
    counts[item.state] = (counts[item.state] ?? 0) + 1;
  }

  return {
    ...toOrderSummaryDto(order, counts),
    comment: order.comment,
    items: items.map(toOrderItemDto),
  };
}
