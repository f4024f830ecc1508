import type { OrderDto } from '@autobuy/contracts';
import { useQuery } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { queryKeys } from '../../../shared/api/query-keys';

/** Titles of the order's items by id, to name the items an activity touched. */
export function useOrderTitles(orderId: string | null): Record<string, string> | undefined {
  const order = useQuery({
    queryKey: queryKeys.order(orderId ?? ''),
    queryFn: ({ signal }) =>
      api.get<OrderDto>(`/orders/${encodeURIComponent(orderId ?? '')}`, { signal }),
    enabled: orderId !== null,
  });

  return order.data
    ? Object.fromEntries(order.data.items.map((item) => [item.id, item.title]))
    : undefined;
}
