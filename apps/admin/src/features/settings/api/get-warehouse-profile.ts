import type { ProviderCode, WarehouseProfileDto } from '@autobuy/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { isApiError } from '../../../shared/api/api-error';

export const warehouseProfileQueryKey = (provider: ProviderCode) =>
  ['providers', provider, 'warehouse-profile'] as const;

/** Resolves with null when the provider has no profile yet (the API answers 404). */
export async function getWarehouseProfile(
  provider: ProviderCode,
): Promise<WarehouseProfileDto | null> {
  try {
    return await api.get<WarehouseProfileDto>(`/providers/${provider}/warehouse-profile`);
  } catch (error) {
    if (isApiError(error) && error.status === 404) {
      return null;
    }
    throw error;
  }
}

export function warehouseProfileQueryOptions(provider: ProviderCode) {
  return queryOptions({
    queryKey: warehouseProfileQueryKey(provider),
    queryFn: () => getWarehouseProfile(provider),
  });
}

export function useWarehouseProfile(provider: ProviderCode) {
  return useQuery(warehouseProfileQueryOptions(provider));
}
