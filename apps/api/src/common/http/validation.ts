import { ValidationPipe, type ValidationError } from '@nestjs/common';

import type { FieldProblems } from '../errors/domain-error';
import { RequestError } from '../errors/request-error';

const UNKNOWN_FIELD = 'is not a known field';

function collect(errors: ValidationError[], prefix: string, into: FieldProblems): void {
  for (const error of errors) {
    const path = error.property
      ? prefix
        ? `${prefix}.${error.property}`
        : error.property
      : prefix;
    const key = path === '' ? 'body' : path;
    // Decorators register bottom-up; reversing restores the order they are written in.
    const constraints = { ...error.constraints };
    // "Not a list" already says it; the nested check's complaint about elements would repeat it.
    if (Object.keys(constraints).length > 1) {
      delete constraints.nestedValidation;
    }
    const messages = Object.entries(constraints)
      .reverse()
      .map(([constraint, message]) =>
        constraint === 'whitelistValidation' ? UNKNOWN_FIELD : message,
      );
    if (messages.length > 0) {
      into[key] = [...(into[key] ?? []), ...messages];
    }
    collect(error.children ?? [], path, into);
  }
}

/** Flattens class-validator's tree into `{ "items.0.quantity": ["…"] }`. */
export function toFieldProblems(errors: ValidationError[]): FieldProblems {
  const fields: FieldProblems = {};
  collect(errors, '', fields);

  return fields;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => RequestError.validation(toFieldProblems(errors)),
  });
}
