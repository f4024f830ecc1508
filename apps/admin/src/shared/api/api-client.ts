import { ApiError, isUnauthenticated } from './api-error';
import { parseApiError } from './parse-error';
import { notifyUnauthenticated } from './unauthenticated';

export const API_BASE = '/api/v1';

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();

  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

/**
 * Calls the REST API with the session cookie. Resolves with the parsed JSON (undefined for 204),
 * rejects with an ApiError; a 401 that means "not logged in" also notifies the app so it can
 * send the operator to the login page.
 */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError(0, { code: 'network_error', message: 'The server cannot be reached.' });
  }

  const text = await response.text();
  if (!response.ok) {
    const error = parseApiError(response.status, text);
    if (isUnauthenticated(error)) {
      notifyUnauthenticated();
    }
    throw error;
  }

  if (response.status === 204 || text === '') {
    return undefined as T;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, {
      code: 'unexpected_response',
      message: 'The server answered with something that is not JSON.',
    });
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: (path: string) => apiRequest<void>('DELETE', path),
};
