// The topology's own PostgreSQL database and Redis keys, created and removed per run so runs of
// the harness (and tests beside it) never see each other's rows, queues or channels.
import { randomBytes } from 'node:crypto';

import { Redis } from 'ioredis';
import pg from 'pg';

const ADMIN_URL =
  process.env.TOPOLOGY_POSTGRES_URL ??
  process.env.TEST_POSTGRES_URL ??
  'postgres://root@127.0.0.1:5432/test';

async function withAdmin(work) {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The multi-process topology needs PostgreSQL at ${ADMIN_URL} (set TOPOLOGY_POSTGRES_URL ` +
        `to another server); connecting failed: ${error.message}`,
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, uniquely named database on the server of TOPOLOGY_POSTGRES_URL. */
export async function createTopologyDatabase() {
  const name = `autobuy_topology_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/** Deletes every key under the prefix (BullMQ queues, adapter state). */
export async function dropRedisPrefix(redisUrl, prefix) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
