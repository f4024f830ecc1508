import type { CreateProviderAccountRequest, ProviderAccountDto } from '@autobuy/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { accountsQueryKeys } from './get-accounts';

export function createAccount(request: CreateProviderAccountRequest) {
  return api.post<ProviderAccountDto>('/accounts', request);
}

export function useCreateAccount() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: createAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsQueryKeys.all }),
  });
}
