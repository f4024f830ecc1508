import type { OperatorDto } from '@autobuy/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';

export const operatorsQueryKey = ['operators'] as const;

export function getOperators(): Promise<OperatorDto[]> {
  return api.get<OperatorDto[]>('/operators');
}

export const operatorsQueryOptions = queryOptions({
  queryKey: operatorsQueryKey,
  queryFn: getOperators,
});

export function useOperators() {
  return useQuery(operatorsQueryOptions);
}
