import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { accountsQueryKeys } from './get-accounts';

export function deleteAccount(id: string): Promise<void> {
  return api.delete(`/accounts/${encodeURIComponent(id)}`);
}

export function useDeleteAccount() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: deleteAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsQueryKeys.all }),
  });
}
