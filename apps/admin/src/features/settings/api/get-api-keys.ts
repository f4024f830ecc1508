import type { ApiKeyDto } from '@autobuy/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';

export const apiKeysQueryKey = ['api-keys'] as const;

export function getApiKeys(): Promise<ApiKeyDto[]> {
  return api.get<ApiKeyDto[]>('/api-keys');
}

export const apiKeysQueryOptions = queryOptions({
  queryKey: apiKeysQueryKey,
  queryFn: getApiKeys,
});

export function useApiKeys() {
  return useQuery(apiKeysQueryOptions);
}
