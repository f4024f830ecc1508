import type { CreateApiKeyRequest, CreatedApiKeyDto } from '@autobuy/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { apiKeysQueryKey } from './get-api-keys';

export function createApiKey(request: CreateApiKeyRequest) {
  return api.post<CreatedApiKeyDto>('/api-keys', request);
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}
