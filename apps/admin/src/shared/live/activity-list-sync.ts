import type { ActivityChangedMessage, ActivityListQuery } from '@autobuy/contracts';
import type { QueryClient } from '@tanstack/react-query';

import { queryKeys } from '../api/query-keys';
import { patchActivityPages, type ActivityPages } from './activity-patches';

type ListFilters = Omit<ActivityListQuery, 'cursor' | 'limit'>;
type ChangedActivity = ActivityChangedMessage['activity'];

/** The filters a cached list was fetched with (the third part of its query key). */
function filtersOf(key: readonly unknown[]): ListFilters {
  const filters = key[2];

  return typeof filters === 'object' && filters !== null ? (filters as ListFilters) : {};
}

/**
 * Whether the activity may belong in a list with these filters. Only the ids, kind and state
 * can be checked here; text, number and date filters count as "may", and a refetch decides.
 */
export function listMayHold(filters: ListFilters, activity: ChangedActivity): boolean {
  return (
    (filters.state === undefined || filters.state === activity.state) &&
    (filters.kind === undefined || filters.kind === activity.kind) &&
    (filters.accountId === undefined || filters.accountId === activity.accountId) &&
    (filters.orderId === undefined || filters.orderId === activity.orderId)
  );
}

/** The list without one activity (it left the state the list is filtered by). */
function withoutActivity(data: ActivityPages, activityId: string): ActivityPages {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.filter((activity) => activity.id !== activityId),
    })),
  };
}

/**
 * Applies one `activity.changed` summary to every cached activity list: a listed activity takes
 * its new state, and leaves a list filtered by another state; a list it now belongs in but does
 * not show (a new activity, or one entering the list's state) is fetched again.
 */
export function applyActivityChange(queryClient: QueryClient, change: ActivityChangedMessage) {
  for (const [key, data] of queryClient.getQueriesData<ActivityPages>({
    queryKey: queryKeys.activityLists,
  })) {
    if (!data) {
      continue;
    }
    const filters = filtersOf(key);
    const patched = patchActivityPages(data, change);
    if (patched.found) {
      // The row's state after the patch: a summary older than the row leaves it as it was.
      const row = patched.value.pages
        .flatMap((page) => page.items)
        .find((activity) => activity.id === change.activity.id);
      const belongs = filters.state === undefined || filters.state === row?.state;
      queryClient.setQueryData(
        key,
        belongs ? patched.value : withoutActivity(patched.value, change.activity.id),
      );
      continue;
    }

    // Newest first: a new activity goes on top, and so does one that entered a state list
    // (it is refetched rather than guessed, since the summary has no row to show).
    const entered = filters.state !== undefined || change.event.data?.state === 'queued';
    if (entered && listMayHold(filters, change.activity)) {
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
    }
  }
}
