import { QueryClient } from '@tanstack/react-query';

import { isApiError } from './api-error';

const MAX_RETRIES = 2;

// Retrying a 4xx only repeats the same refusal; network failures and 5xx may pass next time.
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) {
    return false;
  }

  return failureCount < MAX_RETRIES;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
