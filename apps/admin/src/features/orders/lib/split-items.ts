import { PURCHASED_STATES, type OrderItemDto } from '@autobuy/contracts';

export interface SplitItems {
  /** Items still to buy: available ones and those refused (e.g. Tmall) with their reason. */
  toPurchase: OrderItemDto[];
  /** Items bound to a provider order, shown in the "Purchased" section. */
  purchased: OrderItemDto[];
}

export function splitItems(items: readonly OrderItemDto[]): SplitItems {
  const toPurchase: OrderItemDto[] = [];
  const purchased: OrderItemDto[] = [];
  for (const item of items) {
    if (PURCHASED_STATES.includes(item.state)) {
      purchased.push(item);
    } else {
      toPurchase.push(item);
    }
  }

  return { toPurchase, purchased };
}
