import { DomainError, type FieldProblems } from './domain-error';

export enum RequestErrorCode {
  ValidationFailed = 'validation_failed',
  MalformedBody = 'malformed_body',
  PayloadTooLarge = 'payload_too_large',
  RouteNotFound = 'route_not_found',
}

/** Problems with the request itself, before any module's rules run. */
export class RequestError extends DomainError<RequestErrorCode> {
  static validation(fields: FieldProblems): RequestError {
    const count = Object.keys(fields).length;

    return new RequestError(
      RequestErrorCode.ValidationFailed,
      `The request has ${count} invalid field${count === 1 ? '' : 's'}`,
      fields,
    );
  }
}
