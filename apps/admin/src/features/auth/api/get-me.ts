import type { MeDto } from '@autobuy/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';

export const meQueryKey = ['auth', 'me'] as const;

export function getMe(): Promise<MeDto> {
  return api.get<MeDto>('/auth/me');
}

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: getMe,
  // A 401 here is an answer (not logged in), not a failure worth repeating.
  retry: false,
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQueryOptions);
}
