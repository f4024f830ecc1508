import type { WebhookDto } from '@autobuy/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';

export const webhooksQueryKey = ['webhooks'] as const;

export function getWebhooks(): Promise<WebhookDto[]> {
  return api.get<WebhookDto[]>('/webhooks');
}

export const webhooksQueryOptions = queryOptions({
  queryKey: webhooksQueryKey,
  queryFn: getWebhooks,
});

export function useWebhooks() {
  return useQuery(webhooksQueryOptions);
}
