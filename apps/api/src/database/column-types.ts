import type { DataSource, QueryRunner } from 'typeorm';

type DriverOwner = Pick<DataSource, 'options'> | Pick<QueryRunner, 'connection'>;

function driverType(owner: DriverOwner): string {
  return 'options' in owner ? owner.options.type : owner.connection.options.type;
}

/**
 * The column type of a point in time: PostgreSQL keeps the zone (`timestamptz`), SQLite has only
 * `datetime` (TypeORM writes UTC strings there).
 */
export function timestampType(owner: DriverOwner): string {
  return driverType(owner) === 'postgres' ? 'timestamptz' : 'datetime';
}
