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

/** A whole number within bounds, with the one message that fits what was sent. */
export function WholeNumber(
  min: number,
  max: number,
  options?: { message?: string },
): PropertyDecorator {
  return ValidateBy({
    name: 'wholeNumber',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
      defaultMessage: (args) => {
        const value: unknown = args?.value;
        if (options?.message) {
          return options.message;
        }
        if (value === undefined || value === null) {
          return 'is required';
        }
        if (typeof value !== 'number' || !Number.isInteger(value)) {
          return 'must be a whole number';
        }

        return value < min ? `must be at least ${min}` : `must be at most ${max}`;
      },
    },
  });
}

/** A list with a size range: one message for "not a list", "too short" or "too long". */
export function ListOf(noun: string, min: number, max: number): PropertyDecorator {
  return ValidateBy({
    name: 'listOf',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) && value.length >= min && value.length <= max,
      defaultMessage: (args) => {
        const value: unknown = args?.value;
        if (value === undefined || value === null) {
          return 'is required';
        }
        if (!Array.isArray(value)) {
          return `must be a list of ${noun}`;
        }

        return value.length < min
          ? `must contain at least ${min === 1 ? `one ${noun.replace(/s$/, '')}` : `${min} ${noun}`}`
          : `must contain at most ${max} ${noun}`;
      },
    },
  });
}
