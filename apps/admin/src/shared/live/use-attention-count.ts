import { useQuery } from '@tanstack/react-query';

import { queryKeys } from '../api/query-keys';
import { useLiveTopic } from './live-context';

/**
 * How many activities wait for an operator. The number only comes over the live channel (the
 * server sends it on subscribing and whenever it changes), so the query never fetches.
 */
export function useAttentionCount(): number {
  useLiveTopic({ attention: true });
  const count = useQuery<number>({
    queryKey: queryKeys.attentionCount,
    queryFn: () => Promise.resolve(0),
    enabled: false,
    staleTime: Infinity,
  });

  return count.data ?? 0;
}
