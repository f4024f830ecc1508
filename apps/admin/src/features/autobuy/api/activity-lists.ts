import { useInfiniteQuery } from '@tanstack/react-query';

import { activityListOptions } from '../../../shared/activities/api/activity-queries';
import type { ActivityFilters } from '../lib/activity-filters';

/** A list of the activities page; the `activities` live room keeps it current (see the page). */
export function useActivityList(filters: ActivityFilters, enabled = true) {
  return useInfiniteQuery({ ...activityListOptions(filters), enabled });
}
