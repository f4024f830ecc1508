import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { ApiErrorBody } from '@autobuy/contracts';
import type { Response } from 'express';

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

/** The sessions controller's errors in the REST contract's shape. */
@Catch(SessionsError)
export class SessionsErrorFilter implements ExceptionFilter {
  catch(error: SessionsError, host: ArgumentsHost): void {
    const { status, code } = sessionsErrorToHttp(error);
    const body: ApiErrorBody = error.fields
      ? { code, message: error.message, details: error.fields }
      : { code, message: error.message };

    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }
}
