import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Database } from 'better-sqlite3';
import { DataSource, type DataSourceOptions } from 'typeorm';

import { type AppConfig, isPostgres } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export const SQLITE_FILE_NAME = 'autobuy.sqlite';

export function sqliteFile(config: Pick<AppConfig, 'dataDir'>): string {
  return join(config.dataDir, SQLITE_FILE_NAME);
}

/** One factory for both engines; the schema only ever changes through migrations. */
export function createDataSource(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): DataSource {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
  } as const;

  if (isPostgres(config)) {
    const options: DataSourceOptions = {
      ...common,
      type: 'postgres',
      url: config.databaseUrl ?? undefined,
      migrationsTransactionMode: 'each',
    };

    return new DataSource(options);
  }

  mkdirSync(config.dataDir, { recursive: true });
  const options: DataSourceOptions = {
    ...common,
    type: 'better-sqlite3',
    database: sqliteFile(config),
    // WAL lets the API and a worker process read while the other writes.
    enableWAL: true,
    // SQLite's own LOWER() only folds ASCII; search must fold Cyrillic customer names too.
    prepareDatabase: (db: Database) => {
      db.function('lower', { deterministic: true }, (value: unknown) =>
        typeof value === 'string' ? value.toLowerCase() : value,
      );
    },
    migrationsTransactionMode: 'each',
  };

  return new DataSource(options);
}
