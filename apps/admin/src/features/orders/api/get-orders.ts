import type { ItemPurchaseState, OrderSummaryDto, Page } from '@autobuy/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';

export const ORDERS_PAGE_SIZE = 20;

export interface OrdersFilter {
  q: string;
  state: ItemPurchaseState | null;
}

export const ordersQueryKeys = {
  all: ['orders'] as const,
  list: (filter: OrdersFilter) => ['orders', 'list', filter] as const,
};

export function getOrders(
  filter: OrdersFilter,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<Page<OrderSummaryDto>> {
  return api.get<Page<OrderSummaryDto>>('/orders', {
    query: { q: filter.q.trim(), state: filter.state, cursor, limit: ORDERS_PAGE_SIZE },
    signal,
  });
}

export function ordersQueryOptions(filter: OrdersFilter) {
  return infiniteQueryOptions({
    queryKey: ordersQueryKeys.list(filter),
    queryFn: ({ pageParam, signal }) => getOrders(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useOrders(filter: OrdersFilter) {
  return useInfiniteQuery(ordersQueryOptions(filter));
}
