import type {
  ProviderAccountDto,
  ProviderCode,
  ProviderDto,
  ProviderSessionDto,
  StartedActivityDto,
} from '@autobuy/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { queryKeys } from '../../../shared/api/query-keys';

export function useSessions(provider: ProviderCode | null) {
  return useQuery({
    queryKey: queryKeys.sessionsOf(provider ?? 'sandbox'),
    queryFn: ({ signal }) =>
      api.get<ProviderSessionDto[]>('/sessions', { query: { provider }, signal }),
    enabled: provider !== null,
  });
}

/** The provider's accounts, to choose one for Kitmall sessions, unbinding and binding. */
export function useProviderAccounts(provider: ProviderCode | null) {
  return useQuery({
    queryKey: ['accounts', provider ?? 'sandbox'],
    queryFn: ({ signal }) =>
      api.get<ProviderAccountDto[]>('/accounts', { query: { provider }, signal }),
    enabled: provider !== null,
  });
}

/**
 * Starts a session: browser providers answer with the login activity the popup attaches to;
 * API-key providers answer with the session once the key is checked.
 */
export function useStartSession() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (request: { provider: ProviderCode; accountId?: string }) =>
      api.post<StartedActivityDto | ProviderSessionDto>('/sessions', request),
    onSuccess: (_answer, request) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.sessionsOf(request.provider) }),
  });
}

export function useRevokeSession(provider: ProviderCode) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (sessionId: string) => api.delete(`/sessions/${encodeURIComponent(sessionId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessionsOf(provider) }),
  });
}

export function useSyncSession() {
  return useMutation({
    mutationFn: (sessionId: string) =>
      api.post<StartedActivityDto>(`/sessions/${encodeURIComponent(sessionId)}/sync`),
  });
}

export function useProviderInfo(provider: ProviderCode | null) {
  const providers = useQuery({
    queryKey: ['providers'],
    queryFn: ({ signal }) => api.get<ProviderDto[]>('/providers', { signal }),
  });

  return providers.data?.find((known) => known.code === provider) ?? null;
}
