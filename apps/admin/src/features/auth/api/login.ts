import type { LoginRequest, MeDto } from '@autobuy/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';

import { meQueryKey } from './get-me';

export function login(request: LoginRequest): Promise<MeDto> {
  return api.post<MeDto>('/auth/login', request);
}

export function useLogin() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Whatever was cached belonged to the previous session (or none): start clean.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
