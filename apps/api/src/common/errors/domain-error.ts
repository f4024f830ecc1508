/** Field path → problems, as the REST contract's `details` of a validation error. */
export type FieldProblems = Record<string, string[]>;

/**
 * Base of every module's error type. Services throw these (never HTTP exceptions); the one
 * exception filter maps them to HTTP.
 */
export abstract class DomainError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly fields?: FieldProblems,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
