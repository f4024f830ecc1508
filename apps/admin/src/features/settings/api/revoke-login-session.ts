import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { loginSessionsQueryKey } from './get-login-sessions';

export function revokeLoginSession(id: string): Promise<void> {
  return api.delete(`/auth/sessions/${encodeURIComponent(id)}`);
}

export function useRevokeLoginSession() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: revokeLoginSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: loginSessionsQueryKey }),
  });
}
