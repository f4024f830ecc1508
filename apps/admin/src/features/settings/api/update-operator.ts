import type { OperatorDto, UpdateOperatorRequest } from '@autobuy/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { loginSessionsQueryKey } from './get-login-sessions';
import { operatorsQueryKey } from './get-operators';

export function updateOperator(id: string, request: UpdateOperatorRequest) {
  return api.patch<OperatorDto>(`/operators/${encodeURIComponent(id)}`, request);
}

export function useUpdateOperator() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (input: { id: string; request: UpdateOperatorRequest }) =>
      updateOperator(input.id, input.request),
    // Disabling an operator revokes their sessions, so the session list changes too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: operatorsQueryKey }),
        queryClient.invalidateQueries({ queryKey: loginSessionsQueryKey }),
      ]),
  });
}
