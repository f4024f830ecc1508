import type { CreateOperatorRequest, OperatorDto } from '@autobuy/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';
import { operatorsQueryKey } from './get-operators';

export function createOperator(request: CreateOperatorRequest) {
  return api.post<OperatorDto>('/operators', request);
}

export function useCreateOperator() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: createOperator,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorsQueryKey }),
  });
}
