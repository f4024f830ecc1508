import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A named validation rule with its own message. class-validator keys problems by rule name, so
 * several rules on one field each need a distinct name to report every violation.
 */
export function Rule(
  name: string,
  test: (value: string) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        // Missing or non-text values are reported once, by `Text`.
        validate: (value: unknown) => typeof value !== 'string' || test(value),
        defaultMessage: () => message,
      },
    },
    options,
  );
}

/** Required text: says "is required" when missing and "must be text" for other types. */
export function Text(options?: ValidationOptions & { optional?: boolean }): PropertyDecorator {
  return ValidateBy(
    {
      name: 'text',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' || (options?.optional === true && value === undefined),
        defaultMessage: (args) =>
          args?.value === undefined || args.value === null ? 'is required' : 'must be text',
      },
    },
    options,
  );
}

export const characters = (value: string): number => [...value].length;
