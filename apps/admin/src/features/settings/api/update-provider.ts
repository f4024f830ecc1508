import type { ProviderCode, ProviderDto, UpdateProviderRequest } from '@autobuy/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { providersQueryKey } from './get-providers';

export function updateProvider(code: ProviderCode, request: UpdateProviderRequest) {
  return api.patch<ProviderDto>(`/providers/${code}`, request);
}

export function useUpdateProvider() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (input: { code: ProviderCode; request: UpdateProviderRequest }) =>
      updateProvider(input.code, input.request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providersQueryKey }),
  });
}
