import type { ProviderAccountDto, UpdateProviderAccountRequest } from '@autobuy/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { accountsQueryKeys } from './get-accounts';

export function updateAccount(id: string, request: UpdateProviderAccountRequest) {
  return api.patch<ProviderAccountDto>(`/accounts/${encodeURIComponent(id)}`, request);
}

export function useUpdateAccount() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (input: { id: string; request: UpdateProviderAccountRequest }) =>
      updateAccount(input.id, input.request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsQueryKeys.all }),
  });
}
