import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableForeignKey,
  TableIndex,
  TableUnique,
  type TableColumnOptions,
} from 'typeorm';

import { timestampType } from '../column-types';

// Written by hand so the same steps run on SQLite and PostgreSQL: ids are uuid strings,
// decimals are strings, points in time use the engine's own timestamp type.
export class Foundation1764777600000 implements MigrationInterface {
  name = 'Foundation1764777600000';

  async up(runner: QueryRunner): Promise<void> {
    const ts = timestampType(runner);
    const id = (name = 'id'): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: '36',
      isPrimary: name === 'id',
    });
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
    const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean' });
    const int = (name: string): TableColumnOptions => ({ name, type: 'integer' });
    const text = (name: string, nullable = true): TableColumnOptions => ({
      name,
      type: 'text',
      isNullable: nullable,
    });

    await runner.createTable(
      new Table({
        name: 'operators',
        columns: [
          id(),
          str('login', 64),
          str('password_hash', 255),
          str('role', 16),
          bool('disabled'),
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [new TableUnique({ name: 'uq_operators_login', columnNames: ['login'] })],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'login_sessions',
        columns: [
          id(),
          { ...id('operator_id') },
          str('token_hash', 64),
          time('created_at'),
          time('last_seen_at'),
          time('expires_at'),
          time('revoked_at', true),
          str('ip', 64, true),
          str('user_agent', 512, true),
        ],
        uniques: [
          new TableUnique({ name: 'uq_login_sessions_token', columnNames: ['token_hash'] }),
        ],
        indices: [
          new TableIndex({ name: 'ix_login_sessions_operator', columnNames: ['operator_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_login_sessions_operator',
            columnNames: ['operator_id'],
            referencedTableName: 'operators',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'api_keys',
        columns: [
          id(),
          str('name', 100),
          str('prefix', 16),
          str('key_hash', 64),
          text('scopes', false),
          { ...id('created_by'), isNullable: true },
          time('created_at'),
          time('last_used_at', true),
          time('revoked_at', true),
        ],
        uniques: [new TableUnique({ name: 'uq_api_keys_hash', columnNames: ['key_hash'] })],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'providers',
        columns: [
          { ...str('code', 16), isPrimary: true },
          str('name', 64),
          bool('enabled'),
          str('login_kind', 16),
          bool('needs_warehouse'),
          int('price_tolerance_percent'),
          time('updated_at'),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'provider_accounts',
        columns: [
          id(),
          str('provider_code', 16),
          str('login', 64),
          str('note', 500, true),
          bool('enabled'),
          text('api_key_encrypted'),
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [
          new TableUnique({
            name: 'uq_provider_accounts_login',
            columnNames: ['provider_code', 'login'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_provider_accounts_provider',
            columnNames: ['provider_code'],
            referencedTableName: 'providers',
            referencedColumnNames: ['code'],
          }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'warehouse_profiles',
        columns: [
          { ...str('provider_code', 16), isPrimary: true },
          str('recipient_name', 64),
          str('mobile_phone', 32),
          str('region_code', 16),
          str('zip_code', 16),
          str('address', 500),
          time('updated_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_warehouse_profiles_provider',
            columnNames: ['provider_code'],
            referencedTableName: 'providers',
            referencedColumnNames: ['code'],
          }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'orders',
        columns: [
          id(),
          str('external_id', 100),
          str('customer_name', 200),
          text('comment'),
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [new TableUnique({ name: 'uq_orders_external_id', columnNames: ['external_id'] })],
        // The order list reads newest first and pages by (created_at, id).
        indices: [new TableIndex({ name: 'ix_orders_created', columnNames: ['created_at', 'id'] })],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'order_items',
        columns: [
          id(),
          id('order_id'),
          int('position'),
          str('external_id', 100),
          str('provider_code', 16),
          str('provider_item_id', 64),
          str('sku_id', 64, true),
          str('configuration', 500, true),
          str('title', 500),
          int('quantity'),
          str('unit_price', 32),
          str('currency', 3),
          str('seller_id', 64),
          str('seller_name', 200),
          bool('is_tmall'),
          str('picture_url', 1000, true),
          str('item_url', 1000, true),
          str('state', 16),
          str('state_reason', 500, true),
          str('provider_order_number', 64, true),
          str('tracking_number', 64, true),
          { ...id('account_id'), isNullable: true },
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [
          new TableUnique({
            name: 'uq_order_items_external_id',
            columnNames: ['order_id', 'external_id'],
          }),
        ],
        indices: [
          new TableIndex({ name: 'ix_order_items_state', columnNames: ['state', 'order_id'] }),
          new TableIndex({ name: 'ix_order_items_account', columnNames: ['account_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_order_items_order',
            columnNames: ['order_id'],
            referencedTableName: 'orders',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'fk_order_items_account',
            columnNames: ['account_id'],
            referencedTableName: 'provider_accounts',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          id(),
          time('occurred_at'),
          str('actor_type', 16),
          str('actor_id', 36, true),
          str('actor_label', 100, true),
          str('action', 200),
          str('target', 200, true),
          str('outcome', 64),
          str('ip', 64, true),
          str('user_agent', 512, true),
          text('details'),
        ],
        indices: [
          new TableIndex({ name: 'ix_audit_log_occurred', columnNames: ['occurred_at', 'id'] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const tables = [
      'audit_log',
      'order_items',
      'orders',
      'warehouse_profiles',
      'provider_accounts',
      'providers',
      'api_keys',
      'login_sessions',
      'operators',
    ];
    for (const table of tables) {
      await runner.dropTable(table);
    }
  }
}
