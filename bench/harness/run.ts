// `npm run harness [-- --small]`: starts the 2 API + 2 worker topology once, runs every part of
// the fault harness against it, prints one table and the figures, and exits non-zero when a part
// reports a failure or any duplicate, lost or stuck count. The last line is machine-readable:
// `duplicates=<n> lost=<n> stuck=<n> activities=<n> faults=<n>`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runLoad } from '../load/run-load';
import type { HarnessDeps } from './deps';
import { AdminClient, SandboxControl, adminLogin } from './http';
import type { HarnessContext, HarnessPart, PartResult } from './part';
import { badInputPart } from './parts/bad-input';
import { chaosPart } from './parts/chaos';
import { concurrencyPart } from './parts/concurrency';
import { cookieSecrecyPart } from './parts/cookie-secrecy';
import { crashMatrixPart } from './parts/crash-matrix';
import { securityPart } from './parts/security';
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
/** The load benchmark's figures for the table; a failed load run is reported, not thrown. */
async function loadFigures(
  small: boolean,
  log: (line: string) => void,
): Promise<Record<string, number | string>> {
  try {
    return (await runLoad({ small, log: (line) => log(`load: ${line}`) })).figures;
  } catch (error) {
    return { load: `failed: ${String(error)}` };
  }
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
      badInputPart,
      securityPart,
      cookieSecrecyPart(deps),
    ];
    for (const part of parts) {
      const partStarted = Date.now();
      log(`part "${part.name}"…`);
      results.push(await runPart(part, context));
      log(`part "${part.name}" took ${Math.round((Date.now() - partStarted) / 1000)} s`);
    }
    loadResult = await loadFigures(small, log);
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
