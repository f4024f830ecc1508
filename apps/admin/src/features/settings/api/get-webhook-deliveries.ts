import type { Page, WebhookDeliveryLogDto } from '@autobuy/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { webhooksQueryKey } from './get-webhooks';

const PAGE_SIZE = 20;

export function webhookDeliveriesOptions(webhookId: string) {
  return infiniteQueryOptions({
    queryKey: [...webhooksQueryKey, 'deliveries', webhookId],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<WebhookDeliveryLogDto>>(
        `/webhooks/${encodeURIComponent(webhookId)}/deliveries`,
        { query: { cursor: pageParam, limit: PAGE_SIZE }, signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The delivery log of one webhook, newest first, a page at a time. */
export function useWebhookDeliveries(webhookId: string) {
  return useInfiniteQuery(webhookDeliveriesOptions(webhookId));
}
