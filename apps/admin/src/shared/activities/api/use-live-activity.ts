import { useQuery, useQueryClient } from '@tanstack/react-query';

import { useLiveTopic } from '../../live/live-context';
import { activityEventsOptions, activityOptions } from './activity-queries';

/**
 * An activity's detail and log, kept live: the subscription replays from the oldest seq either
 * of them has, so both catch up after a reconnect without fetching again.
 */
export function useLiveActivity(activityId: string, options: { withLog?: boolean } = {}) {
  const queryClient = useQueryClient();
  const detail = useQuery(activityOptions(activityId));
  const events = useQuery({
    ...activityEventsOptions(activityId),
    enabled: options.withLog ?? true,
  });

  useLiveTopic(activityId ? { activityId } : null, {
    afterSeq: () => {
      const detailSeq =
        queryClient.getQueryData(activityOptions(activityId).queryKey)?.lastSeq ?? 0;
      const log = queryClient.getQueryData(activityEventsOptions(activityId).queryKey);
      const logSeq = log ? (log.at(-1)?.seq ?? 0) : detailSeq;

      return Math.min(detailSeq, logSeq);
    },
  });

  return { detail, events };
}
