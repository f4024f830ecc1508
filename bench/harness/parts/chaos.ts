// Chaos run: many items over several accounts while the Sandbox answers 10% of the buyer
// requests with 5xx, lets 5% hang, draws a risk-control challenge on 2% of the pages and ends a
// random account's session now and then. The harness is the operator: it answers questions with
// a fixed policy, logs expired accounts in again and reserves what is still available once more.
import type { OrderDto } from '@autobuy/contracts';

import { type Sku, buyableSkus } from '../catalogue';
import type { HarnessDeps } from '../deps';
import { AdminClient, SandboxControl } from '../http';
import { Ledger } from '../ledger';
import { Operator, type Settled } from '../operator';
import type { HarnessContext, HarnessPart, PartResult } from '../part';
import { type Buyer, buyer, importOrder, reserve } from '../workflow-client';

const FULL = { items: 500, accounts: 5, perOrder: 10, expiryEveryMs: 30_000 };
const SMALL = { items: 20, accounts: 2, perOrder: 5, expiryEveryMs: 30_000 };
const CHAOS_CONFIG = {
  errorRate: 0.1,
  timeoutRate: 0.05,
  punishRate: 0.02,
  // A hung answer is dropped after 8 s, before the adapter's 30 s step timeout, so a timeout
  // costs the run seconds instead of half a minute.
  hangMs: 8_000,
};
const CALM_CONFIG = { errorRate: 0, timeoutRate: 0, punishRate: 0, hangMs: null };
const SETTLE_MS = 15 * 60_000;

interface Batch {
  who: Buyer;
  orderId: string;
}

export function chaosPart(deps: HarnessDeps): HarnessPart {
  return { name: 'chaos', run: (context) => runChaos(context, deps) };
}

async function runChaos(context: HarnessContext, deps: HarnessDeps): Promise<PartResult> {
  const shape = context.small ? SMALL : FULL;
  const admin = new AdminClient(context.apis);
  const sandbox = new SandboxControl(context.sandboxUrl);
  const operator = new Operator(admin, sandbox, context.log, (login) => deps.desk.login(login));
  const ledger = new Ledger();
  const failures: string[] = [];

  const buyers: Buyer[] = [];
  for (let i = 1; i <= shape.accounts; i++) {
    buyers.push(await buyer(deps.desk, admin, sandbox, ledger, `chaos_${i}`));
  }
  const batches = await importBatches(admin, ledger, buyers, await buyableSkus(sandbox), shape);
  context.log(
    `chaos: ${shape.items} items in ${batches.length} orders over ${buyers.length} accounts`,
  );

  await sandbox.call('POST', '/config', CHAOS_CONFIG);
  await sandbox.call('DELETE', '/requests');
  let expiries = 0;
  const expiry = setInterval(() => {
    const victim = buyers[Math.floor(Math.random() * buyers.length)]!;
    expiries++;
    void sandbox.call('POST', '/sessions/expire', { login: victim.login }).catch(() => undefined);
  }, shape.expiryEveryMs);

  const settled: Settled[] = [];
  let faults = 0;
  try {
    const first = await reserveAll(admin, operator, ledger, batches);
    settled.push(...first);
    // The operator's second try: log every account in again, reserve what went back to available.
    for (const who of buyers) {
      who.sessionId = await deps.desk.login(who.login);
    }
    const second = await reserveAll(admin, operator, ledger, batches);
    settled.push(...second);
  } finally {
    clearInterval(expiry);
    faults = await injectedFaults(sandbox);
    await sandbox.call('POST', '/config', CALM_CONFIG);
  }
  const binds = await bindHeldOrders(operator, ledger, batches);
  settled.push(...binds);

  const counts = await ledger.count(admin, sandbox);
  failures.push(...counts.lostItems, ...counts.orphanOrders.map((o) => `orphan order ${o}`));
  const states: Record<string, number> = {};
  for (const one of settled) {
    states[one.activity.state] = (states[one.activity.state] ?? 0) + 1;
  }
  const items = await itemStates(admin, batches);

  return {
    name: 'chaos',
    faults: faults + expiries,
    activities: ledger.activities.size,
    duplicates: counts.duplicates,
    lost: counts.lost,
    stuck: settled.filter((one) => one.stuck).length,
    figures: {
      'chaos items': shape.items,
      'chaos sessions expired': expiries,
      'chaos questions answered': settled.reduce((sum, one) => sum + one.answers, 0),
      'chaos activities retried': settled.filter((one) => one.retried).length,
      ...Object.fromEntries(Object.entries(states).map(([s, n]) => [`chaos activities ${s}`, n])),
      ...Object.fromEntries(Object.entries(items).map(([s, n]) => [`chaos items ${s}`, n])),
    },
    failures,
  };
}

/** Orders of `perOrder` items; each account gets its own run of SKUs (distinct within it). */
async function importBatches(
  admin: AdminClient,
  ledger: Ledger,
  buyers: Buyer[],
  skus: Sku[],
  shape: typeof FULL,
): Promise<Batch[]> {
  const perAccount = Math.ceil(shape.items / buyers.length);
  if (skus.length < perAccount) {
    throw new Error(`the catalogue has ${skus.length} SKUs to buy, ${perAccount} are needed`);
  }
  const batches: Batch[] = [];
  let made = 0;
  for (const [a, who] of buyers.entries()) {
    // Rotated per account so the accounts do not all start on the same seller.
    const mine = [...skus.slice(a * 7), ...skus.slice(0, a * 7)].slice(0, perAccount);
    for (let i = 0; i < mine.length && made < shape.items; i += shape.perOrder) {
      const lines = mine.slice(i, Math.min(i + shape.perOrder, i + shape.items - made));
      const order = await importOrder(admin, ledger, who.login, lines);
      batches.push({ who, orderId: order.id });
      made += lines.length;
    }
  }

  return batches;
}

/**
 * Reserves every available item of each batch (all batches at once: an account's activities
 * queue behind its lease) and settles them; a batch with nothing available is left out.
 */
async function reserveAll(
  admin: AdminClient,
  operator: Operator,
  ledger: Ledger,
  batches: Batch[],
): Promise<Settled[]> {
  const started: { activityId: string; login: string }[] = [];
  for (const batch of batches) {
    const order = await admin.call<OrderDto>('GET', `/orders/${batch.orderId}`);
    const available = order.items.filter((item) => item.state === 'available');
    if (available.length === 0) {
      continue;
    }
    const activityId = await reserve(
      admin,
      ledger,
      batch.who,
      batch.orderId,
      available.map((item) => item.id),
    ).catch(() => null); // An item claimed meanwhile: the first try still holds it.
    if (activityId) {
      started.push({ activityId, login: batch.who.login });
    }
  }

  return Promise.all(
    started.map((one) => operator.settleWithRetry(one.activityId, one.login, SETTLE_MS)),
  );
}

/** Provider orders an unclear submit left unbound: the operator binds them to their order. */
async function bindHeldOrders(
  operator: Operator,
  ledger: Ledger,
  batches: Batch[],
): Promise<Settled[]> {
  const settled: Settled[] = [];
  for (const batch of batches) {
    const started = await operator.bindLeftovers(
      batch.orderId,
      batch.who.accountId,
      batch.who.login,
    );
    for (const activityId of started) {
      ledger.activities.set(activityId, batch.who.login);
      settled.push(await operator.settle(activityId, batch.who.login, SETTLE_MS));
    }
  }

  return settled;
}

/** Faults the Sandbox injected, from its request log: 5xx answers, hangs, challenge pages. */
async function injectedFaults(sandbox: SandboxControl): Promise<number> {
  const log = await sandbox.call<
    { status: number; path: string }[] | { requests: { status: number; path: string }[] }
  >('GET', '/requests');
  const entries = Array.isArray(log) ? log : log.requests;

  return entries.filter(
    (entry) =>
      entry.status === 500 || entry.status === 0 || entry.path.startsWith('/_____tmd_____/punish'),
  ).length;
}

async function itemStates(admin: AdminClient, batches: Batch[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const batch of batches) {
    const order = await admin.call<OrderDto>('GET', `/orders/${batch.orderId}`);
    for (const item of order.items) {
      counts[item.state] = (counts[item.state] ?? 0) + 1;
    }
  }

  return counts;
}
