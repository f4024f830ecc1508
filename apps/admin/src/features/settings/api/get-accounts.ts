import type { ProviderAccountDto, ProviderCode } from '@autobuy/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';

export const accountsQueryKeys = {
  all: ['accounts'] as const,
  byProvider: (provider: ProviderCode) => ['accounts', provider] as const,
};

export function getAccounts(provider: ProviderCode): Promise<ProviderAccountDto[]> {
  return api.get<ProviderAccountDto[]>('/accounts', { query: { provider } });
}

export function accountsQueryOptions(provider: ProviderCode) {
  return queryOptions({
    queryKey: accountsQueryKeys.byProvider(provider),
    queryFn: () => getAccounts(provider),
  });
}

export function useAccounts(provider: ProviderCode) {
  return useQuery(accountsQueryOptions(provider));
}
