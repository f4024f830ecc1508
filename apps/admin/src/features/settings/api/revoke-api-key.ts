import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { apiKeysQueryKey } from './get-api-keys';

export function revokeApiKey(id: string): Promise<void> {
  return api.delete(`/api-keys/${encodeURIComponent(id)}`);
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}
