import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { ACTIVITY_ENTITIES, ACTIVITY_MIGRATIONS } from '../../../src/activities';

export const POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  /** How another process reaches the same database (see `openDatabase`). */
  spec: DatabaseSpec;
  dataSource: DataSource;
  drop(): Promise<void>;
}

export type DatabaseSpec =
  { type: 'sqlite'; file: string } | { type: 'postgres'; url: string; schema: string };

/** Opens (and migrates) a database described by a spec; used by tests and child processes. */
export async function openDatabase(spec: DatabaseSpec): Promise<DataSource> {
  const common = {
    entities: ACTIVITY_ENTITIES,
    migrations: ACTIVITY_MIGRATIONS,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  const dataSource =
    spec.type === 'sqlite'
      ? new DataSource({ ...common, type: 'better-sqlite3', database: spec.file, enableWAL: true })
      : new DataSource({
          ...common,
          type: 'postgres',
          url: spec.url,
          schema: spec.schema,
          extra: { options: `-c search_path=${spec.schema}`, max: 5 },
        });
  await dataSource.initialize();
  await dataSource.runMigrations();

  return dataSource;
}

export async function createSqliteDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'activities-'));
  const spec: DatabaseSpec = { type: 'sqlite', file: join(dir, 'test.sqlite') };
  const dataSource = await openDatabase(spec);

  return {
    spec,
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createPostgresDatabase(): Promise<TestDatabase> {
  const schema = `activities_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const spec: DatabaseSpec = { type: 'postgres', url: POSTGRES_URL, schema };
  const dataSource = await openDatabase(spec);

  return {
    spec,
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      const cleaner = new Client({ connectionString: POSTGRES_URL });
      await cleaner.connect();
      await cleaner.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleaner.end();
    },
  };
}
