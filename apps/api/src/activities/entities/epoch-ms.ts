import type { ValueTransformer } from 'typeorm';

// Leases and deadlines are compared in SQL as epoch milliseconds: integers compare the same way
// on SQLite and PostgreSQL, unlike timestamps. PostgreSQL returns bigint as a string.
export const epochMs: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
