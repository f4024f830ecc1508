import { DomainError } from '../common/errors/domain-error';

export enum AuthErrorCode {
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  InvalidCredentials = 'invalid_credentials',
  TooManyAttempts = 'too_many_attempts',
  OperatorNotFound = 'operator_not_found',
  SessionNotFound = 'session_not_found',
  ApiKeyNotFound = 'api_key_not_found',
  LoginTaken = 'login_taken',
  LastAdmin = 'last_admin',
}

export class AuthError extends DomainError<AuthErrorCode> {
  /** Seconds until a throttled login may try again. */
  retryAfterSeconds?: number;

  static tooManyAttempts(retryAfterSeconds: number): AuthError {
    const error = new AuthError(
      AuthErrorCode.TooManyAttempts,
      `Too many failed logins; try again in ${Math.ceil(retryAfterSeconds / 60)} min`,
    );
    error.retryAfterSeconds = retryAfterSeconds;

    return error;
  }
}
