import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openDatabase } from '../src/app/bootstrap';
import {
  createPostgresDatabase,
  postgresReachable,
  type PostgresDatabase,
} from './support/postgres';
import { testConfig } from './support/test-app';

const FOUNDATION_TABLES = [
  'operators',
  'login_sessions',
  'api_keys',
  'providers',
  'provider_accounts',
  'warehouse_profiles',
  'orders',
  'order_items',
  'audit_log',
];

describe.each(['sqlite', 'postgres'] as const)('migrations on %s', (engine) => {
  let dataDir: string;
  let postgres: PostgresDatabase | null = null;
  let skip = false;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'autobuy-migrations-'));
    if (engine === 'postgres') {
      skip = !(await postgresReachable());
      postgres = skip ? null : await createPostgresDatabase();
    }
  });

  afterAll(async () => {
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should create every table on a fresh database, undo them, and redo them', async () => {
    if (skip) {
      return;
    }
    const config = testConfig(dataDir, { databaseUrl: postgres?.url ?? null });

    const { dataSource, fresh } = await openDatabase(config);
    try {
      expect(fresh).toBe(true);
      const runner = dataSource.createQueryRunner();
      for (const table of FOUNDATION_TABLES) {
        expect({ table, exists: await runner.hasTable(table) }).toEqual({ table, exists: true });
      }

      // Undo every migration, later issues' ones included, back to an empty schema.
      for (let n = 0; n < dataSource.migrations.length; n += 1) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      for (const table of FOUNDATION_TABLES) {
        expect({ table, exists: await runner.hasTable(table) }).toEqual({ table, exists: false });
      }

      await dataSource.runMigrations({ transaction: 'each' });
      expect(await runner.hasTable('order_items')).toBe(true);
      await runner.release();
    } finally {
      await dataSource.destroy();
    }

    // A second start finds nothing to do and knows the install is not fresh.
    const again = await openDatabase(config);
    expect(again.fresh).toBe(false);
    expect(await again.dataSource.showMigrations()).toBe(false);
    await again.dataSource.destroy();
  });
});
