import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

export const POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface PostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let reachable: Promise<boolean> | null = null;

/** Whether the test PostgreSQL answers; prints a visible notice once when it does not. */
export function postgresReachable(): Promise<boolean> {
  reachable ??= admin((client) => client.query('SELECT 1'))
    .then(() => true)
    .catch((error: unknown) => {
      console.warn(
        `\n*** PostgreSQL at ${POSTGRES_URL} is unreachable (${(error as Error).message}); ` +
          'the PostgreSQL tests are SKIPPED. ***\n',
      );

      return false;
    });

  return reachable;
}

/** A fresh database per call, so parallel or repeated runs never see each other's rows. */
export async function createPostgresDatabase(): Promise<PostgresDatabase> {
  const name = `autobuy_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
