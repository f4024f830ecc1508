import type {
  ActivityDetailDto,
  ActivityDto,
  ActivityEventDto,
  ActivityListQuery,
  Page,
} from '@autobuy/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';

import { api } from '../../api/api-client';
import { queryKeys } from '../../api/query-keys';

const PAGE_SIZE = 50;
const EVENTS_PER_CALL = 1000;

export type ActivityFilters = Omit<ActivityListQuery, 'cursor' | 'limit'>;

export function activityListOptions(filters: ActivityFilters) {
  return infiniteQueryOptions({
    queryKey: queryKeys.activityList(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ActivityDto>>('/activities', {
        query: { ...filters, cursor: pageParam, limit: PAGE_SIZE },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function activityOptions(activityId: string) {
  return queryOptions({
    queryKey: queryKeys.activity(activityId),
    queryFn: ({ signal }) =>
      api.get<ActivityDetailDto>(`/activities/${encodeURIComponent(activityId)}`, { signal }),
    // The live channel keeps it current; refetching on every mount would only flicker.
    staleTime: Infinity,
  });
}

/** The whole log of an activity, read in calls of up to 1000 events. */
async function getAllEvents(activityId: string, signal: AbortSignal) {
  const events: ActivityEventDto[] = [];
  for (;;) {
    const batch = await api.get<ActivityEventDto[]>(
      `/activities/${encodeURIComponent(activityId)}/events`,
      {
        query: { afterSeq: events.at(-1)?.seq ?? 0, limit: EVENTS_PER_CALL },
        signal,
      },
    );
    events.push(...batch);
    if (batch.length < EVENTS_PER_CALL) {
      return events;
    }
  }
}

export function activityEventsOptions(activityId: string) {
  return queryOptions({
    queryKey: queryKeys.activityEvents(activityId),
    queryFn: ({ signal }) => getAllEvents(activityId, signal),
    staleTime: Infinity,
  });
}
