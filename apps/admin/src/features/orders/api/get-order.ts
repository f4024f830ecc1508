import type { OrderDto } from '@autobuy/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';

export const orderQueryKey = (id: string) => ['orders', 'detail', id] as const;

export function getOrder(id: string, signal?: AbortSignal): Promise<OrderDto> {
  return api.get<OrderDto>(`/orders/${encodeURIComponent(id)}`, { signal });
}

export function orderQueryOptions(id: string) {
  return queryOptions({
    queryKey: orderQueryKey(id),
    queryFn: ({ signal }) => getOrder(id, signal),
  });
}

export function useOrder(id: string) {
  return useQuery(orderQueryOptions(id));
}
