import type { AuditEntryDto, Page } from '@autobuy/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';

const PAGE_SIZE = 50;

export const auditLogOptions = infiniteQueryOptions({
  queryKey: ['audit'],
  queryFn: ({ pageParam, signal }) =>
    api.get<Page<AuditEntryDto>>('/audit', {
      query: { cursor: pageParam, limit: PAGE_SIZE },
      signal,
    }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

/** The audit log, newest first; the API has no filters, only cursor paging. */
export function useAuditLog() {
  return useInfiniteQuery(auditLogOptions);
}
