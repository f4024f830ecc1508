import type { LoginSessionDto } from '@autobuy/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';

export const loginSessionsQueryKey = ['auth', 'sessions'] as const;

export function getLoginSessions(): Promise<LoginSessionDto[]> {
  return api.get<LoginSessionDto[]>('/auth/sessions');
}

export const loginSessionsQueryOptions = queryOptions({
  queryKey: loginSessionsQueryKey,
  queryFn: getLoginSessions,
});

export function useLoginSessions() {
  return useQuery(loginSessionsQueryOptions);
}
