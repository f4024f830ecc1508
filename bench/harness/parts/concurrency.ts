// Concurrency: 20 reservations sent at the same moment, spread over both API processes and two
// accounts, each asking for an overlapping handful of the same order's items. Each item may be
// claimed by one of them only (the others answer 409) and bought once.
import { buyableSkus } from '../catalogue';
import type { HarnessDeps } from '../deps';
import { AdminClient, HttpError, SandboxControl } from '../http';
import { Ledger } from '../ledger';
import { Operator } from '../operator';
import type { HarnessContext, HarnessPart, PartResult } from '../part';
import { type Buyer, buyer, importOrder } from '../workflow-client';

const REQUESTS = 20;
const SETTLE_MS = 6 * 60_000;

export function concurrencyPart(deps: HarnessDeps): HarnessPart {
  return { name: 'concurrency', run: (context) => runConcurrency(context, deps) };
}

async function runConcurrency(context: HarnessContext, deps: HarnessDeps): Promise<PartResult> {
  const admin = new AdminClient(context.apis);
  const sandbox = new SandboxControl(context.sandboxUrl);
  const operator = new Operator(admin, sandbox, context.log);
  const ledger = new Ledger();
  const failures: string[] = [];
  const itemCount = context.small ? 8 : 16;

  const buyers: Buyer[] = [
    await buyer(deps.desk, admin, sandbox, ledger, 'race_1'),
    await buyer(deps.desk, admin, sandbox, ledger, 'race_2'),
  ];
  // One shop order; each item's provider order is looked for under the account that reserved it.
  const order = await importOrder(
    admin,
    ledger,
    'race_1',
    (await buyableSkus(sandbox)).slice(0, itemCount),
  );
  const ids = order.items.map((item) => item.id);

  // Request r asks for a window of 3 consecutive items (wrapping), so neighbours overlap.
  const asks = Array.from({ length: REQUESTS }, (_, r) =>
    [0, 1, 2].map((k) => ids[(r + k) % ids.length] as string),
  );
  const answers = await Promise.all(
    asks.map(async (itemIds, r) => {
      const who = buyers[r % buyers.length] as Buyer;
      try {
        const started = await admin.call<{ activityId: string }>('POST', '/reservations', {
          orderId: order.id,
          itemIds,
          sessionId: who.sessionId,
        });
        ledger.activities.set(started.activityId, who.login);
        itemIds.forEach((id) => ledger.asked.add(id));

        return { itemIds, who, activityId: started.activityId };
      } catch (error) {
        if (error instanceof HttpError && error.status === 409) {
          return null;
        }
        throw error;
      }
    }),
  );
  const accepted = answers.filter((one) => one !== null);
  const claimedTwice = ids.filter(
    (id) => accepted.filter((one) => one.itemIds.includes(id)).length > 1,
  );
  for (const id of claimedTwice) {
    failures.push(`item ${id} was claimed by two reservations at once`);
  }
  const settled = await Promise.all(
    accepted.map((one) => operator.settle(one.activityId, one.who.login, SETTLE_MS)),
  );

  const counts = await ledger.count(admin, sandbox);
  failures.push(...counts.lostItems, ...counts.orphanOrders.map((o) => `orphan order ${o}`));

  return {
    name: 'concurrency',
    faults: 0,
    activities: ledger.activities.size,
    duplicates: counts.duplicates + claimedTwice.length,
    lost: counts.lost,
    stuck: settled.filter((one) => one.stuck).length,
    figures: {
      'concurrent reservations accepted': `${accepted.length}/${REQUESTS}`,
      'concurrent reservations refused (409)': REQUESTS - accepted.length,
    },
    failures,
  };
}
