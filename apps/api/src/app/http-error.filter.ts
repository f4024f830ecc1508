import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiErrorBody } from '@autobuy/contracts';
import type { Response } from 'express';

import { ActivityError } from '../activities/activity-error';
import { activityErrorToHttp } from '../activities/http/activity-error-http';
import { AuthError, AuthErrorCode } from '../auth/auth.error';
import { RequestError, RequestErrorCode } from '../common/errors/request-error';
import { BindingError, bindingErrorStatus } from '../order-binding/binding.error';
import { OrdersError, OrdersErrorCode } from '../orders/orders.error';
import { ProvidersError, ProvidersErrorCode } from '../providers/providers.error';
import { sessionsErrorToHttp } from '../sessions/sessions-error-http';
import { SessionsError } from '../sessions/sessions.error';

interface HttpError {
  status: number;
  body: ApiErrorBody;
  retryAfterSeconds?: number;
}

function reply(status: number, code: string, message: string, details?: object): HttpError {
  return { status, body: details ? { code, message, details: { ...details } } : { code, message } };
}

function fromAuth(error: AuthError): HttpError {
  switch (error.code) {
    case AuthErrorCode.Unauthenticated:
      return reply(401, 'unauthenticated', error.message);
    case AuthErrorCode.Forbidden:
      return reply(403, 'forbidden', error.message);
    case AuthErrorCode.InvalidCredentials:
      return reply(401, 'invalid_credentials', error.message);
    case AuthErrorCode.TooManyAttempts:
      return {
        ...reply(429, 'too_many_requests', error.message),
        retryAfterSeconds: error.retryAfterSeconds,
      };
    case AuthErrorCode.OperatorNotFound:
    case AuthErrorCode.SessionNotFound:
    case AuthErrorCode.ApiKeyNotFound:
      return reply(404, 'not_found', error.message);
    case AuthErrorCode.LoginTaken:
    case AuthErrorCode.LastAdmin:
      return reply(409, 'conflict', error.message);
  }
}

function fromProviders(error: ProvidersError): HttpError {
  switch (error.code) {
    case ProvidersErrorCode.ProviderNotFound:
    case ProvidersErrorCode.AccountNotFound:
    case ProvidersErrorCode.WarehouseProfileMissing:
      return reply(404, 'not_found', error.message);
    case ProvidersErrorCode.AccountExists:
    case ProvidersErrorCode.AccountInUse:
      return reply(409, 'conflict', error.message);
    case ProvidersErrorCode.WarehouseNotSupported:
      return reply(400, 'warehouse_not_supported', error.message);
    case ProvidersErrorCode.InvalidAccountFields:
      return reply(400, 'validation_failed', error.message, error.fields);
  }
}

function fromOrders(error: OrdersError): HttpError {
  switch (error.code) {
    case OrdersErrorCode.OrderNotFound:
      return reply(404, 'not_found', error.message);
    case OrdersErrorCode.InvalidOrder:
    case OrdersErrorCode.InvalidCursor:
      return reply(400, 'validation_failed', error.message, error.fields);
  }
}

function fromRequest(error: RequestError): HttpError {
  switch (error.code) {
    case RequestErrorCode.ValidationFailed:
    case RequestErrorCode.MalformedBody:
      return reply(400, 'validation_failed', error.message, error.fields);
    case RequestErrorCode.PayloadTooLarge:
      return reply(413, 'payload_too_large', error.message);
    case RequestErrorCode.RouteNotFound:
      return reply(404, 'not_found', error.message);
  }
}

/** Errors raised below Nest (the JSON body parser) carry an HTTP status and a `type`. */
function fromParser(error: { status?: number; type?: string }): HttpError | null {
  if (error.type === 'entity.parse.failed') {
    return reply(400, 'validation_failed', 'The request body is not valid JSON', {
      body: ['is not valid JSON'],
    });
  }
  if (error.type === 'entity.too.large') {
    return reply(413, 'payload_too_large', 'The request body is too large');
  }
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    return reply(error.status, 'bad_request', 'The request could not be read');
  }

  return null;
}

function fromHttp(error: HttpException): HttpError {
  const status = error.getStatus();
  const codes: Record<number, string> = {
    [HttpStatus.BAD_REQUEST]: 'validation_failed',
    [HttpStatus.UNAUTHORIZED]: 'unauthenticated',
    [HttpStatus.FORBIDDEN]: 'forbidden',
    [HttpStatus.NOT_FOUND]: 'not_found',
    [HttpStatus.CONFLICT]: 'conflict',
    [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
    [HttpStatus.TOO_MANY_REQUESTS]: 'too_many_requests',
  };

  // Nest turns the body parser's JSON SyntaxError into a plain 400 before it reaches us.
  if (status === HttpStatus.BAD_REQUEST && /JSON/.test(error.message)) {
    return reply(400, 'validation_failed', 'The request body is not valid JSON', {
      body: ['is not valid JSON'],
    });
  }

  return reply(
    status,
    codes[status] ?? (status < 500 ? 'bad_request' : 'internal_error'),
    error.message,
  );
}

/** The one place where errors become HTTP answers of the `ApiErrorBody` shape. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const answer = this.toHttp(exception);
    if (answer.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(Math.ceil(answer.retryAfterSeconds)));
    }

    response.status(answer.status).json(answer.body);
  }

  toHttp(exception: unknown): HttpError {
    if (exception instanceof AuthError) {
      return fromAuth(exception);
    }
    if (exception instanceof ProvidersError) {
      return fromProviders(exception);
    }
    if (exception instanceof OrdersError) {
      return fromOrders(exception);
    }
    if (exception instanceof RequestError) {
      return fromRequest(exception);
    }
    if (exception instanceof ActivityError) {
      const { status, code } = activityErrorToHttp(exception);
      if (status >= 500) {
        this.logger.error(`Activity engine error: ${exception.message}`, exception.stack);
      }

      return reply(status, code, exception.message, exception.fields);
    }
    // Sessions and purchase refusals also surface from other modules' routes (a sync started
    // on a session that does not exist), so they are mapped here and not only per controller.
    if (exception instanceof SessionsError) {
      const { status, code } = sessionsErrorToHttp(exception);

      return reply(status, code, exception.message, exception.fields);
    }
    if (exception instanceof BindingError) {
      const status = bindingErrorStatus(exception.code);

      return reply(
        status,
        status === 404 ? 'not_found' : exception.code,
        exception.message,
        exception.details,
      );
    }
    if (exception instanceof HttpException) {
      return fromHttp(exception);
    }
    const parser =
      typeof exception === 'object' && exception !== null ? fromParser(exception) : null;
    if (parser) {
      return parser;
    }

    this.logger.error('Unexpected error while answering a request', exception as Error);

    return reply(500, 'internal_error', 'Something went wrong on our side; the error was logged');
  }
}
