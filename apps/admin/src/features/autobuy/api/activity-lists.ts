import { useInfiniteQuery } from '@tanstack/react-query';

import { activityListOptions } from '../../../shared/activities/api/activity-queries';
import type { ActivityFilters } from '../lib/activity-filters';

// Activities started elsewhere appear without a reload: the live channel has no room for every
// activity, so the list also looks again at this pace while it is shown.
const NEW_ACTIVITIES_POLL_MS = 15_000;

export function useActivityList(filters: ActivityFilters, enabled = true) {
  return useInfiniteQuery({
    ...activityListOptions(filters),
    enabled,
    refetchInterval: NEW_ACTIVITIES_POLL_MS,
  });
}
