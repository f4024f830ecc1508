import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

// Failed logins live in the database so that every API instance counts the same attempts.
export class LoginFailures1765600000000 implements MigrationInterface {
  name = 'LoginFailures1765600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'login_failures',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          // Login name (trimmed, lower case) and client address: "anna|10.0.0.1".
          { name: 'attempt_key', type: 'varchar', length: '400' },
          // Epoch milliseconds compare the same way on SQLite and PostgreSQL.
          { name: 'failed_at_ms', type: 'bigint' },
        ],
        indices: [
          new TableIndex({
            name: 'ix_login_failures_key',
            columnNames: ['attempt_key', 'failed_at_ms'],
          }),
          new TableIndex({ name: 'ix_login_failures_time', columnNames: ['failed_at_ms'] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('login_failures');
  }
}
