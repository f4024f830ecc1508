import type { UpdateWebhookRequest, WebhookDto } from '@autobuy/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { webhooksQueryKey } from './get-webhooks';

export function updateWebhook(id: string, request: UpdateWebhookRequest) {
  return api.patch<WebhookDto>(`/webhooks/${encodeURIComponent(id)}`, request);
}

export function useUpdateWebhook() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (input: { id: string; request: UpdateWebhookRequest }) =>
      updateWebhook(input.id, input.request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey }),
  });
}
