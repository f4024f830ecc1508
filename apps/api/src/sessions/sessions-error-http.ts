import { SessionsError, SessionsErrorCode } from './sessions.error';

export function sessionsErrorToHttp(error: SessionsError): { status: number; code: string } {
  switch (error.code) {
    case SessionsErrorCode.SessionNotFound:
    case SessionsErrorCode.AccountNotFound:
    case SessionsErrorCode.ProviderUnknown:
      return { status: 404, code: 'not_found' };
    case SessionsErrorCode.AccountRequired:
      return { status: 400, code: 'validation_failed' };
    case SessionsErrorCode.ApiKeyInvalid:
      return { status: 400, code: 'api_key_invalid' };
    case SessionsErrorCode.ProviderDisabled:
      return { status: 409, code: 'provider_disabled' };
    case SessionsErrorCode.NoActiveSession:
      return { status: 409, code: 'no_active_session' };
    case SessionsErrorCode.SessionExpired:
      return { status: 409, code: 'session_expired' };
    case SessionsErrorCode.ProviderUnavailable:
      return { status: 503, code: 'provider_unavailable' };
  }
}
