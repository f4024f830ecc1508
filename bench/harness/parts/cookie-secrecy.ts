// Cookie secrecy on the running topology: the provider cookies every harness login stored must
// not appear in plain text in any row of the PostgreSQL database, in any API or worker log, or in
// what the API answers about sessions, accounts and activities. Runs after the other parts, when
// the database and the logs hold everything they wrote.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import pg from 'pg';

import type { HarnessDeps } from '../deps';
import { AdminClient } from '../http';
import type { HarnessContext, HarnessPart, PartResult } from '../part';

export function cookieSecrecyPart(deps: HarnessDeps): HarnessPart {
  return { name: 'cookie secrecy', run: (context) => run(context, deps) };
}

async function run(context: HarnessContext, deps: HarnessDeps): Promise<PartResult> {
  const secrets = [...deps.desk.cookieValues];
  const failures: string[] = [];
  const leaksIn = (where: string, text: string) => {
    const leaked = secrets.filter((value) => text.includes(value)).length;
    if (leaked > 0) {
      failures.push(`${leaked} cookie value(s) in plain text in ${where}`);
    }
  };
  if (secrets.length === 0) {
    failures.push('no login stored a cookie, so there was nothing to look for');
  }

  const tables = await databaseTables(deps.topology.databaseUrl);
  for (const [table, text] of tables) {
    leaksIn(`table ${table}`, text);
  }

  // The Sandbox is the provider: its own log may hold its cookies.
  const logs = readdirSync(deps.topology.runDir).filter(
    (name) => name.endsWith('.log') && !name.startsWith('sandbox'),
  );
  for (const name of logs) {
    leaksIn(`log ${name}`, readFileSync(join(deps.topology.runDir, name), 'utf8'));
  }

  const admin = new AdminClient(context.apis);
  const answers = ['/sessions', '/accounts', '/activities?limit=200'];
  for (const path of answers) {
    leaksIn(`GET ${path}`, JSON.stringify(await admin.call('GET', path)));
  }

  return {
    name: 'cookie secrecy',
    faults: 0,
    activities: 0,
    duplicates: 0,
    lost: 0,
    stuck: 0,
    figures: {
      'cookie values looked for': secrets.length,
      'tables, logs and answers searched': tables.size + logs.length + answers.length,
    },
    failures,
  };
}

/** Each table of the database as one text: every row cast to text. */
async function databaseTables(url: string): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'",
    );
    const tables = new Map<string, string>();
    for (const { name } of rows) {
      const dump = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`);
      tables.set(name, dump.rows.map((one) => one.row).join('\n'));
    }

    return tables;
  } finally {
    await client.end();
  }
}
