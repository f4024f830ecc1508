// Crash matrix: a worker process is killed with SIGKILL at each named point of reserve and
// unbind, the killed worker is started again, and every activity must still end with each shop
// item reserved once or back to available with a reason. Six points are crash hooks inside the
// worker (apps/api/src/common/crash-points.ts); the seventh, between the submit and its
// confirmation, is the Sandbox's `hang` fault after the orders were created, then a kill.
// One account per point. `--small` runs all cases at once (a kill also interrupts whatever else
// that worker was running, which the counts must survive too); the full run one after another.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CRASH_POINTS } from '../../../apps/api/src/common/crash-points';
import { buyableSkus } from '../catalogue';
import type { HarnessDeps } from '../deps';
import { AdminClient, SandboxControl } from '../http';
import { Ledger } from '../ledger';
import { Operator, type Settled, sandboxOrders } from '../operator';
import type { HarnessContext, HarnessPart, PartResult } from '../part';
import { type Buyer, buyer, importOrder, reserve, unbind } from '../workflow-client';

const HANG_POINT = 'reserve.submit-unconfirmed';
/** Each interrupted activity waits one lease (30 s) before it resumes; a few crashes chain. */
const SETTLE_MS = 6 * 60_000;

interface Case {
  point: string;
  who: Buyer;
  orderId: string;
  itemIds: string[];
  activityId?: string;
}

export function crashMatrixPart(deps: HarnessDeps): HarnessPart {
  return { name: 'crash matrix', run: (context) => runCrashMatrix(context, deps) };
}

async function runCrashMatrix(context: HarnessContext, deps: HarnessDeps): Promise<PartResult> {
  const admin = new AdminClient(context.apis);
  const sandbox = new SandboxControl(context.sandboxUrl);
  const operator = new Operator(admin, sandbox, context.log);
  const ledger = new Ledger();
  const failures: string[] = [];
  const perCase = context.small ? 1 : 3;
  const crashesBefore = deps.topology.workerCrashes;

  // One account and one shop order per point, each with SKUs of distinct sellers.
  const skus = await buyableSkus(sandbox);
  const points = [...CRASH_POINTS, HANG_POINT];
  const cases: Case[] = [];
  for (const [i, point] of points.entries()) {
    const who = await buyer(deps.desk, admin, sandbox, ledger, `crash_${i + 1}`);
    const order = await importOrder(
      admin,
      ledger,
      who.login,
      skus.slice(i * perCase, (i + 1) * perCase),
    );
    cases.push({ point, who, orderId: order.id, itemIds: order.items.map((item) => item.id) });
  }
  context.log(`crash matrix: ${cases.length} points, ${perCase} item(s) each`);

  // Unbind needs reserved items: those are reserved first, without faults.
  const unbindCases = cases.filter((one) => one.point.startsWith('unbind.'));
  const setups = await Promise.all(
    unbindCases.map((one) => reserve(admin, ledger, one.who, one.orderId, one.itemIds)),
  );
  for (const [i, activityId] of setups.entries()) {
    const settled = await operator.settle(activityId, unbindCases[i]!.who.login, SETTLE_MS);
    if (settled.activity.state !== 'succeeded') {
      failures.push(
        `the reservation before ${unbindCases[i]!.point} ended ${settled.activity.state}`,
      );
    }
  }

  // --small: every point at once (a kill also interrupts the other cases on that worker);
  // full: one point at a time, so a broken count names its point for sure.
  const rounds = context.small ? [cases] : cases.map((one) => [one]);
  const settled: Settled[] = [];
  let hangKills = 0;
  for (const round of rounds) {
    const outcome = await runRound(context, deps, round, { admin, sandbox, operator, ledger });
    settled.push(...outcome.settled);
    hangKills += outcome.hangKills;
    failures.push(...outcome.failures);
  }

  const counts = await ledger.count(admin, sandbox);
  // One point at a time: the account of a broken count names its point. At once (--small),
  // a point fires in whichever case reaches it first; the worker logs say which.
  const pointOf = (text: string) =>
    context.small
      ? text
      : text.replace(/\((crash_\d+)\)/, (_, login: string) => {
          const point = cases.find((one) => one.who.login === login)?.point ?? '?';

          return `(${login}, killed at ${point})`;
        });
  failures.push(
    ...counts.lostItems.map(pointOf),
    ...counts.orphanOrders.map((o) => pointOf(`orphan order ${o}`)),
    ...counts.duplicateLogins.map((login) => pointOf(`duplicate provider orders (${login})`)),
  );
  const recovered = settled.filter((one) => one.activity.state === 'succeeded').length;
  const states: Record<string, number> = {};
  for (const one of settled) {
    states[one.activity.state] = (states[one.activity.state] ?? 0) + 1;
  }

  return {
    name: 'crash matrix',
    faults: deps.topology.workerCrashes - crashesBefore + hangKills,
    activities: ledger.activities.size,
    duplicates: counts.duplicates,
    lost: counts.lost,
    stuck: settled.filter((one) => one.stuck).length,
    figures: {
      'crash points fired': `${points.length - failures.filter((f) => f.startsWith('crash point')).length}/${points.length}`,
      'crash cases ended succeeded': `${recovered}/${cases.length}`,
      ...Object.fromEntries(Object.entries(states).map(([s, n]) => [`crash activities ${s}`, n])),
    },
    failures,
  };
}

/**
 * Waits until the hung submit has created its orders on the provider, then kills the worker
 * that runs it and starts that worker again. Returns 1 when it killed, else 0.
 */
async function killDuringHang(
  context: HarnessContext,
  deps: HarnessDeps,
  sandbox: SandboxControl,
  hang: Case,
): Promise<number> {
  const deadline = Date.now() + 200_000;
  while ((await sandboxOrders(sandbox, hang.who.login)).length === 0) {
    if (Date.now() > deadline) {
      return 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const worker = deps.topology.workerOf(hang.activityId!);
  if (worker < 0) {
    return 0;
  }
  context.log(`crash matrix: killing worker ${worker + 1} while its submit hangs`);
  await deps.topology.killWorker(worker);
  await deps.topology.restartWorker(worker);

  return 1;
}

interface Clients {
  admin: AdminClient;
  sandbox: SandboxControl;
  operator: Operator;
  ledger: Ledger;
}

/** Arms the points of the cases, starts their activities, kills at the hang, settles them. */
async function runRound(
  context: HarnessContext,
  deps: HarnessDeps,
  cases: Case[],
  { admin, sandbox, operator, ledger }: Clients,
): Promise<{ settled: Settled[]; hangKills: number; failures: string[] }> {
  const failures: string[] = [];
  const hookPoints = cases.map((one) => one.point).filter((point) => point !== HANG_POINT);
  for (const point of hookPoints) {
    writeFileSync(join(deps.crashDir, point), '');
  }
  const hangCase = cases.find((one) => one.point === HANG_POINT);
  if (hangCase) {
    await sandbox.call('POST', '/faults', {
      step: 'checkout.submit.after_create',
      mode: 'hang',
      login: hangCase.who.login,
    });
  }
  for (const one of cases) {
    one.activityId = one.point.startsWith('unbind.')
      ? await unbind(admin, ledger, one.who, one.orderId, one.itemIds)
      : await reserve(admin, ledger, one.who, one.orderId, one.itemIds);
  }
  const hangKills = hangCase ? await killDuringHang(context, deps, sandbox, hangCase) : 0;
  if (hangCase && hangKills === 0) {
    failures.push(`crash point ${HANG_POINT}: the submit never hung, so no worker was killed`);
  }

  const settled = await Promise.all(
    cases.map((one) => operator.settleWithRetry(one.activityId!, one.who.login, SETTLE_MS)),
  );
  for (const point of hookPoints) {
    if (existsSync(join(deps.crashDir, point))) {
      failures.push(`crash point ${point} was never reached`);
      rmSync(join(deps.crashDir, point), { force: true });
    }
  }

  return { settled, hangKills, failures };
}
