interface DriverError {
  code?: string;
}

/** True for a unique-key clash on SQLite or PostgreSQL (TypeORM keeps the driver's error). */
export function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: DriverError } | null)?.driverError;
  const code = driverError?.code ?? (error as DriverError | null)?.code;

  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
