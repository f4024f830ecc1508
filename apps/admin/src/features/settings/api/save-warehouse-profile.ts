import type { ProviderCode, WarehouseProfileDto } from '@autobuy/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { warehouseProfileQueryKey } from './get-warehouse-profile';

export function saveWarehouseProfile(provider: ProviderCode, profile: WarehouseProfileDto) {
  return api.put<WarehouseProfileDto>(`/providers/${provider}/warehouse-profile`, profile);
}

export function useSaveWarehouseProfile(provider: ProviderCode) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (profile: WarehouseProfileDto) => saveWarehouseProfile(provider, profile),
    onSuccess: (saved) => queryClient.setQueryData(warehouseProfileQueryKey(provider), saved),
  });
}
