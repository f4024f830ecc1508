import type { CreateWebhookRequest, CreatedWebhookDto } from '@autobuy/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { webhooksQueryKey } from './get-webhooks';

export function createWebhook(request: CreateWebhookRequest) {
  return api.post<CreatedWebhookDto>('/webhooks', request);
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: createWebhook,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey }),
  });
}
