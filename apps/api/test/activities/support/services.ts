import { execFileSync } from 'node:child_process';

import { POSTGRES_URL, REDIS_URL } from './test-database';

export interface Services {
  postgres: boolean;
  redis: boolean;
}

// Jest decides what to skip while collecting tests, before any hook runs, so the probe is a
// synchronous child process: it tries PostgreSQL and Redis and prints what answered.
const PROBE = `
const { Client } = require('pg');
const net = require('node:net');
const pg = async () => {
  const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 1000 });
  try { await client.connect(); await client.query('SELECT 1'); return true; }
  catch { return false; } finally { await client.end().catch(() => undefined); }
};
const redis = () => new Promise((resolve) => {
  const url = new URL(process.argv[2]);
  const socket = net.createConnection({ host: url.hostname, port: Number(url.port || 6379) });
  socket.setTimeout(1000);
  socket.once('connect', () => socket.write('PING\\r\\n'));
  socket.once('data', (data) => { socket.destroy(); resolve(String(data).startsWith('+PONG')); });
  socket.once('error', () => resolve(false));
  socket.once('timeout', () => { socket.destroy(); resolve(false); });
});
Promise.all([pg(), redis()]).then(([postgres, redis]) => {
  process.stdout.write(JSON.stringify({ postgres, redis }));
});
`;

let cached: Services | null = null;

export function services(): Services {
  if (!cached) {
    const output = execFileSync(process.execPath, ['-e', PROBE, POSTGRES_URL, REDIS_URL], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    cached = JSON.parse(output) as Services;
  }

  return cached;
}

/** `describe` when the services are up, else a visible notice and `describe.skip`. */
export function describeWith(needs: (keyof Services)[], name: string, body: () => void): void {
  const missing = needs.filter((service) => !services()[service]);
  if (missing.length > 0) {
    console.warn(`SKIPPED: "${name}" needs ${missing.join(' and ')}, which did not answer`);
    describe.skip(name, body);

    return;
  }

  describe(name, body);
}
