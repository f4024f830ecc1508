import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableForeignKey,
  TableIndex,
  TableUnique,
  type TableColumnOptions,
} from 'typeorm';

import { timestampType } from '../../database/column-types';

// Hand-written so the same steps run on SQLite and PostgreSQL: uuid ids as varchar, JSON as
// text, leases and deadlines as epoch milliseconds (bigint) so they compare alike on both.
export class Activities1764900000000 implements MigrationInterface {
  name = 'Activities1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    const ts = timestampType(runner);
    const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    });
    const id = (name = 'id', nullable = false): TableColumnOptions => ({
      ...str(name, 36, nullable),
      isPrimary: name === 'id',
    });
    const time = (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: ts,
      isNullable: nullable,
    });
    const text = (name: string, nullable = true): TableColumnOptions => ({
      name,
      type: 'text',
      isNullable: nullable,
    });
    const int = (name: string): TableColumnOptions => ({ name, type: 'integer' });
    const bigint = (name: string, nullable = true): TableColumnOptions => ({
      name,
      type: 'bigint',
      isNullable: nullable,
    });
    const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean' });
    // The list pages by (created_at, id) newest first, so every filter index ends with both.
    const listIndex = (column: string): TableIndex =>
      new TableIndex({
        name: `ix_activities_${column}_created`,
        columnNames: [column, 'created_at', 'id'],
      });

    await runner.createTable(
      new Table({
        name: 'activities',
        columns: [
          id(),
          str('kind', 32),
          str('state', 32),
          id('account_id', true),
          id('order_id', true),
          str('started_by', 100, true),
          str('summary', 500),
          text('input', false),
          text('counters', false),
          text('item_states', false),
          str('step', 64, true),
          text('step_state'),
          str('failed_step', 64, true),
          id('pending_question_id', true),
          text('reason'),
          bool('cancel_requested'),
          int('attempt'),
          int('last_seq'),
          id('runner_token', true),
          bigint('lease_expires_ms'),
          time('created_at'),
          time('updated_at'),
          time('started_at', true),
          time('finished_at', true),
        ],
        indices: [
          listIndex('state'),
          listIndex('kind'),
          listIndex('account_id'),
          listIndex('order_id'),
          new TableIndex({ name: 'ix_activities_created', columnNames: ['created_at', 'id'] }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'activity_events',
        columns: [
          id(),
          id('activity_id'),
          int('seq'),
          str('type', 16),
          str('level', 8),
          text('message', false),
          text('data'),
          time('created_at'),
        ],
        uniques: [
          new TableUnique({ name: 'uq_activity_events_seq', columnNames: ['activity_id', 'seq'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_activity_events_activity',
            columnNames: ['activity_id'],
            referencedTableName: 'activities',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'activity_questions',
        columns: [
          id(),
          id('activity_id'),
          text('prompt', false),
          text('options', false),
          text('context', false),
          str('default_choice', 64),
          bigint('deadline_ms'),
          str('choice', 64, true),
          str('answered_by', 100, true),
          time('answered_at', true),
          bool('answered_by_default'),
          time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_activity_questions_activity', columnNames: ['activity_id'] }),
          new TableIndex({
            name: 'ix_activity_questions_open_deadline',
            columnNames: ['choice', 'deadline_ms'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_activity_questions_activity',
            columnNames: ['activity_id'],
            referencedTableName: 'activities',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'activity_leases',
        columns: [
          { ...str('account_id', 36), isPrimary: true },
          id('activity_id'),
          id('runner_token'),
          bigint('expires_ms', false),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('activity_leases');
    await runner.dropTable('activity_questions');
    await runner.dropTable('activity_events');
    await runner.dropTable('activities');
  }
}
