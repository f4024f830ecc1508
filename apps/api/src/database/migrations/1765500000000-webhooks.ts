import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableIndex,
  type TableColumnOptions,
} from 'typeorm';

import { timestampType } from '../column-types';

// Hand-written so the same steps run on SQLite and PostgreSQL.
export class Webhooks1765500000000 implements MigrationInterface {
  name = 'Webhooks1765500000000';

  async up(runner: QueryRunner): Promise<void> {
    const ts = timestampType(runner);
    const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    });
    const time = (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: ts,
      isNullable: nullable,
    });
    const id: TableColumnOptions = { ...str('id', 36), isPrimary: true };

    await runner.createTable(
      new Table({
        name: 'webhooks',
        columns: [
          id,
          str('url', 2000),
          { name: 'events', type: 'text' },
          { name: 'secret_sealed', type: 'text' },
          { name: 'enabled', type: 'boolean' },
          str('created_by', 36, true),
          time('created_at'),
          time('updated_at'),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'webhook_deliveries',
        columns: [
          id,
          str('webhook_id', 36),
          str('event_id', 36),
          str('event', 64),
          { name: 'payload', type: 'text' },
          { name: 'attempts', type: 'integer' },
          str('status', 16),
          { name: 'response_status', type: 'integer', isNullable: true },
          str('error', 500, true),
          time('next_attempt_at', true),
          time('delivered_at', true),
          time('created_at'),
        ],
        foreignKeys: [
          {
            name: 'fk_webhook_deliveries_webhook',
            columnNames: ['webhook_id'],
            referencedTableName: 'webhooks',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          new TableIndex({
            name: 'ix_webhook_deliveries_webhook',
            columnNames: ['webhook_id', 'created_at', 'id'],
          }),
          new TableIndex({
            name: 'ix_webhook_deliveries_due',
            columnNames: ['status', 'next_attempt_at'],
          }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'webhook_delivery_attempts',
        columns: [
          id,
          str('delivery_id', 36),
          { name: 'attempt', type: 'integer' },
          time('attempted_at'),
          { name: 'response_status', type: 'integer', isNullable: true },
          str('error', 500, true),
        ],
        foreignKeys: [
          {
            name: 'fk_webhook_delivery_attempts_delivery',
            columnNames: ['delivery_id'],
            referencedTableName: 'webhook_deliveries',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          new TableIndex({
            name: 'ix_webhook_delivery_attempts_delivery',
            columnNames: ['delivery_id', 'attempt'],
          }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('webhook_delivery_attempts');
    await runner.dropTable('webhook_deliveries');
    await runner.dropTable('webhooks');
  }
}
