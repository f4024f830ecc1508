import type { ProviderDto } from '@autobuy/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';

export const providersQueryKey = ['providers'] as const;

export function getProviders(): Promise<ProviderDto[]> {
  return api.get<ProviderDto[]>('/providers');
}

export const providersQueryOptions = queryOptions({
  queryKey: providersQueryKey,
  queryFn: getProviders,
});

export function useProviders() {
  return useQuery(providersQueryOptions);
}
