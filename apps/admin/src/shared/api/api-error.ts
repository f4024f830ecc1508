import type { ApiErrorBody } from '@autobuy/contracts';

/** Codes the client itself produces when the server gave no usable error body. */
export type ClientErrorCode = 'network_error' | 'unexpected_response';

/** An error answer of the REST API, or a failure to reach it, in one shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorBody['details'];

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }

  /** Per-field messages of a validation error, keyed by field path; empty for other errors. */
  fieldErrors(): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    if (!this.details) {
      return result;
    }

    for (const [field, value] of Object.entries(this.details)) {
      const messages = Array.isArray(value) ? value : [value];
      const texts = messages.filter((message): message is string => typeof message === 'string');
      if (texts.length > 0) {
        result[field] = texts;
      }
    }

    return result;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** True for the 401 that means "log in first", not for a wrong password on the login form. */
export function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && error.code !== 'invalid_credentials';
}
