import type { ApiErrorBody } from '@autobuy/contracts';

import { ApiError } from './api-error';

function looksLikeErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;

  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}

/**
 * Turns a failed response's status and raw body into an ApiError. A body that is not the
 * contract's `{code, message, details?}` (a proxy's HTML page, an empty body) still yields an
 * error an operator can read, named after the HTTP status.
 */
export function parseApiError(status: number, rawBody: string): ApiError {
  let parsed: unknown = null;
  try {
    parsed = rawBody ? JSON.parse(rawBody) : null;
  } catch {
    parsed = null;
  }

  if (looksLikeErrorBody(parsed)) {
    return new ApiError(status, parsed);
  }

  return new ApiError(status, {
    code: fallbackCode(status),
    message: `The server answered with HTTP ${status}.`,
  });
}

function fallbackCode(status: number): string {
  if (status === 401) {
    return 'unauthenticated';
  }
  if (status === 403) {
    return 'forbidden';
  }
  if (status === 404) {
    return 'not_found';
  }
  if (status === 429) {
    return 'too_many_requests';
  }

  return 'unexpected_response';
}
