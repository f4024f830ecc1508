// `npm run bench:load [-- --small] [--users=N]`: the API under operators and integrators at once over a seeded
// PostgreSQL database (see run-load.ts). Prints a table per endpoint; the last line is
// `p95_ms=<n> p99_ms=<n> rps=<n>`. Target: p95 ≤ 50 ms for the lists.
import { runLoad } from './run-load';

const LIST_P95_TARGET_MS = 50;

async function main(): Promise<number> {
  const small = process.argv.includes('--small');
  const usersArg = process.argv.find((arg) => arg.startsWith('--users='));
  const result = await runLoad({
    small,
    users: usersArg ? Number(usersArg.slice('--users='.length)) : undefined,
  });
  const rows = Object.entries(result.perEndpoint).map(([endpoint, f]) => ({
    endpoint,
    requests: f.requests,
    errors: f.errors,
    'p50 ms': f.p50Ms,
    'p95 ms': f.p95Ms,
    'p99 ms': f.p99Ms,
  }));
  console.table(rows);
  const slowLists = Object.entries(result.perEndpoint).filter(
    ([endpoint, f]) => endpoint.startsWith('GET') && f.p95Ms > LIST_P95_TARGET_MS,
  );
  for (const [endpoint, f] of slowLists) {
    console.log(`${endpoint}: p95 ${f.p95Ms} ms misses the ${LIST_P95_TARGET_MS} ms target`);
  }
  const errors = rows.reduce((sum, row) => sum + row.errors, 0);
  console.log(`all: p50 ${result.p50Ms} ms, ${errors} errors`);
  console.log(`p95_ms=${result.p95Ms} p99_ms=${result.p99Ms} rps=${result.rps}`);

  return errors > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
