import type { ProviderAccountDto } from '@autobuy/contracts';
import { useQuery } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';

/** Under `['accounts']`, so adding or deleting an account in the settings refreshes it too. */
const ALL_ACCOUNTS_KEY = ['accounts', 'every-provider'] as const;

/** Every provider account, to choose one by login in the activities filter. */
export function useAccountChoices() {
  return useQuery({
    queryKey: ALL_ACCOUNTS_KEY,
    queryFn: ({ signal }) => api.get<ProviderAccountDto[]>('/accounts', { signal }),
    staleTime: 60_000,
  });
}
