import { DomainError } from '../common/errors/domain-error';

export enum SessionsErrorCode {
  NoActiveSession = 'no_active_session',
  SessionExpired = 'session_expired',
  SessionNotFound = 'session_not_found',
  AccountNotFound = 'account_not_found',
  AccountRequired = 'account_required',
  ProviderDisabled = 'provider_disabled',
  ProviderUnknown = 'provider_unknown',
  ApiKeyInvalid = 'api_key_invalid',
  ProviderUnavailable = 'provider_unavailable',
}

/** Every failure of the sessions module; `sessionsErrorToHttp` maps it to HTTP. */
export class SessionsError extends DomainError<SessionsErrorCode> {}
