import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableIndex,
  TableUnique,
  type TableColumnOptions,
} from 'typeorm';

import { timestampType } from '../column-types';

// Hand-written so the same steps run on SQLite and PostgreSQL; JSON lists are text.
export class OrderBinding1765200000000 implements MigrationInterface {
  name = 'OrderBinding1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    const ts = timestampType(runner);
    const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    });
    const id = (name = 'id'): TableColumnOptions => ({ ...str(name, 36), isPrimary: true });
    const time = (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: ts,
      isNullable: nullable,
    });

    await runner.createTable(
      new Table({
        name: 'provider_orders',
        columns: [
          id(),
          str('provider_code', 16),
          str('account_id', 36),
          str('order_number', 64),
          str('status', 16),
          str('provider_status', 64, true),
          str('seller_id', 64, true),
          str('seller_name', 200, true),
          str('tracking_number', 64, true),
          str('total_fee', 32, true),
          str('post_fee', 32, true),
          time('seen_at'),
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [
          new TableUnique({
            name: 'uq_provider_orders_number',
            columnNames: ['provider_code', 'order_number'],
          }),
        ],
        indices: [
          new TableIndex({ name: 'ix_provider_orders_account', columnNames: ['account_id'] }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'item_bindings',
        columns: [
          id(),
          str('order_item_id', 36),
          str('provider_order_id', 36),
          { name: 'active', type: 'boolean' },
          str('activity_id', 36, true),
          str('end_reason', 500, true),
          time('created_at'),
          time('ended_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'ix_item_bindings_item',
            columnNames: ['order_item_id', 'active'],
          }),
          new TableIndex({
            name: 'ix_item_bindings_order',
            columnNames: ['provider_order_id', 'active'],
          }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'order_attempts',
        columns: [
          id(),
          str('activity_id', 36),
          str('account_id', 36),
          { name: 'lines', type: 'text' },
          str('state', 16),
          { name: 'order_numbers', type: 'text' },
          str('error', 1000, true),
          time('started_at'),
          time('finished_at', true),
        ],
        indices: [
          new TableIndex({ name: 'ix_order_attempts_activity', columnNames: ['activity_id'] }),
          new TableIndex({
            name: 'ix_order_attempts_account_state',
            columnNames: ['account_id', 'state'],
          }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'sync_marks',
        columns: [
          { ...str('account_id', 36), isPrimary: true },
          time('synced_at'),
          { name: 'orders_seen', type: 'integer' },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('sync_marks');
    await runner.dropTable('order_attempts');
    await runner.dropTable('item_bindings');
    await runner.dropTable('provider_orders');
  }
}
