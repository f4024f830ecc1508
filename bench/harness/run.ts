// `npm run harness [-- --small]`: starts the 2 API + 2 worker topology once, runs every part of
// the fault harness against it, prints one table and the figures, and exits non-zero when a part
// reports a failure or any duplicate, lost or stuck count. The last line is machine-readable:
// `duplicates=<n> lost=<n> stuck=<n> activities=<n> faults=<n>`.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { HarnessDeps } from './deps';
import { AdminClient, SandboxControl, adminLogin } from './http';
import type { HarnessContext, HarnessPart, PartResult } from './part';
import { chaosPart } from './parts/chaos';
import { concurrencyPart } from './parts/concurrency';
import { crashMatrixPart } from './parts/crash-matrix';
import { SessionDesk } from './session-desk';
import { printReport } from './report';
import { startTopology } from './topology';

/** The Sandbox seed with the most sellers that are not Tmall (see bench/workflows). */
const SEED = 14;
const WAREHOUSE = {
  recipientName: '王鑫磊奇跡',
  mobilePhone: '11147043234',
  regionCode: '150784',
  zipCode: '021400',
  address: '尚都国际小区东区9号楼23号车库',
};
const load = createRequire(__filename);

/** A part written elsewhere, used when its file exists (it may land after this runner). */
function optionalPart(file: string, exportName: string): HarnessPart | null {
  const path = join(__dirname, file);
  if (!existsSync(path)) {
    return null;
  }

  return (load(path) as Record<string, HarnessPart>)[exportName] ?? null;
}

/** The load benchmark's figures, when `bench/load/run-load.ts` exists. */
async function loadFigures(
  small: boolean,
  log: (line: string) => void,
): Promise<Record<string, number | string>> {
  const path = join(__dirname, '../load/run-load.ts');
  if (!existsSync(path)) {
    log('load figures: bench/load/run-load.ts does not exist yet; no load figures');

    return { load: 'not run (bench/load/run-load.ts missing)' };
  }
  const { runLoad } = load(path) as {
    runLoad(options: { small: boolean }): Promise<unknown>;
  };
  const result = (await runLoad({ small })) as
    { figures?: Record<string, number | string> } | Record<string, number | string>;

  return (
    'figures' in result && typeof result.figures === 'object'
      ? result.figures
      : (result as Record<string, number | string>)
  ) as Record<string, number | string>;
}

async function main(): Promise<number> {
  const small = process.argv.includes('--small');
  const log = (line: string) => process.stderr.write(`[harness] ${line}\n`);
  const started = Date.now();
  const crashDir = mkdtempSync(join(tmpdir(), 'autobuy-harness-crash-'));
  log(`starting the topology (${small ? 'small' : 'full'} run)`);
  const topology = await startTopology({
    workerEnv: { AUTOBUY_CRASH_DIR: crashDir },
    restartCrashedWorkers: true,
    log,
  });
  let desk: SessionDesk | null = null;
  const results: PartResult[] = [];
  let loadResult: Record<string, number | string> = {};
  try {
    const sandbox = new SandboxControl(topology.sandboxUrl);
    await sandbox.call('POST', '/reset', { seed: SEED });
    const apis = await Promise.all(
      topology.apis.map(async (url) => ({
        url,
        adminCookie: await adminLogin(url, topology.adminLogin, topology.adminPassword),
      })),
    );
    await new AdminClient(apis).call('PUT', '/providers/sandbox/warehouse-profile', WAREHOUSE);
    desk = await SessionDesk.open(topology.sharedEnv);
    const deps: HarnessDeps = { topology, desk, crashDir };
    const context: HarnessContext = { small, apis, sandboxUrl: topology.sandboxUrl, log };

    const parts = [
      concurrencyPart(deps),
      crashMatrixPart(deps),
      chaosPart(deps),
      optionalPart('parts/bad-input.ts', 'badInputPart'),
      optionalPart('parts/security.ts', 'securityPart'),
    ];
    for (const part of parts) {
      if (!part) {
        continue;
      }
      const partStarted = Date.now();
      log(`part "${part.name}"…`);
      results.push(await runPart(part, context));
      log(`part "${part.name}" took ${Math.round((Date.now() - partStarted) / 1000)} s`);
    }
    loadResult = await loadFigures(small, log).catch((error: unknown) => ({
      load: `failed: ${String(error)}`,
    }));
  } finally {
    await desk?.close().catch(() => undefined);
    const broken = results.some(
      (r) => r.failures.length > 0 || r.duplicates + r.lost + r.stuck > 0,
    );
    await topology.stop({ keepLogs: broken });
    if (broken) {
      log(`process logs kept in ${topology.runDir}`);
    }
    rmSync(crashDir, { recursive: true, force: true });
  }

  const failed = printReport(results, loadResult, Math.round((Date.now() - started) / 1000));

  return failed ? 1 : 0;
}

/** A part that throws reports that as its failure instead of ending the whole run. */
async function runPart(part: HarnessPart, context: HarnessContext): Promise<PartResult> {
  try {
    return await part.run(context);
  } catch (error) {
    return {
      name: part.name,
      faults: 0,
      activities: 0,
      duplicates: 0,
      lost: 0,
      stuck: 0,
      figures: {},
      failures: [`the part could not finish: ${(error as Error).stack ?? String(error)}`],
    };
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
