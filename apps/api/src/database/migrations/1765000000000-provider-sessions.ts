import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

import { timestampType } from '../column-types';

export class ProviderSessions1765000000000 implements MigrationInterface {
  name = 'ProviderSessions1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    const ts = timestampType(runner);

    await runner.createTable(
      new Table({
        name: 'provider_sessions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'provider_code', type: 'varchar', length: '16' },
          { name: 'account_id', type: 'varchar', length: '36' },
          { name: 'nickname', type: 'varchar', length: '64' },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'state_reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'snapshot_sealed', type: 'text', isNullable: true },
          { name: 'last_checked_at', type: ts, isNullable: true },
          { name: 'last_sync_at', type: ts, isNullable: true },
          { name: 'created_at', type: ts },
          { name: 'updated_at', type: ts },
        ],
        foreignKeys: [
          {
            name: 'fk_provider_sessions_account',
            columnNames: ['account_id'],
            referencedTableName: 'provider_accounts',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          new TableIndex({
            name: 'ix_provider_sessions_account_state',
            columnNames: ['account_id', 'state'],
          }),
          new TableIndex({
            name: 'ix_provider_sessions_provider_state',
            columnNames: ['provider_code', 'state'],
          }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('provider_sessions');
  }
}
