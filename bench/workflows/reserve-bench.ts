// Reserves 120 order items over 3 accounts through the whole product (REST → reserve activity →
// Taobao adapter in real Chromium → Sandbox with 50 ms latency per request), the accounts in
// parallel, and compares the wall time with the floor: per account, the Sandbox-logged
// durations of the requests a minimal client needs (one cart addition per line, one confirm
// page, one submit, one order-list read) made one after another; the slowest account sets it.
// The Sandbox's catalogue has fewer than 30 buyable sellers under any seed (at most 23 of its
// 27 are not Tmall; its control API cannot add sellers), so the items come from as many as it
// has: 23 with seed 14. Run: `npm run bench:reserve`. The last line is machine-readable.
import { Bench, type CatalogueItem, LATENCY_MS, durationOf, lineOf } from './harness';

const ITEMS = 120;
const ACCOUNTS = 3;
const SEED = 14;

function pickSellers(items: CatalogueItem[]) {
  const bySeller = new Map<string, { item: CatalogueItem; sku: number }[]>();
  for (const item of items) {
    if (item.isTmall || !item.buyEnable) {
      continue;
    }
    const list = bySeller.get(item.sellerId) ?? [];
    // The purchase limit counts every SKU of the item: one line each, at most `limit` of them.
    const skus = item.skus
      .map((sku, index) => ({ sku, index }))
      .filter(({ sku }) => sku.stock >= 5)
      .slice(0, item.limit ?? undefined);
    for (const { index } of skus) {
      list.push({ item, sku: index });
    }
    bySeller.set(item.sellerId, list);
  }

  return [...bySeller.values()].filter((list) => list.length > 0);
}

async function main(): Promise<void> {
  const bench = await Bench.start();
  try {
    await bench.control('POST', '/reset', { seed: SEED });
    const sessions: { login: string; sessionId: string; accountId: string }[] = [];
    for (let i = 1; i <= ACCOUNTS; i++) {
      sessions.push({
        login: `bench_reserve_${i}`,
        ...(await bench.account(`bench_reserve_${i}`)),
      });
    }

    // Sellers go round-robin to the accounts, SKUs round-robin within a seller.
    const sellers = pickSellers(await bench.catalogue());
    const perAccount: ReturnType<typeof lineOf>[][] = sessions.map(() => []);
    let taken = 0;
    for (let round = 0; taken < ITEMS; round++) {
      const before = taken;
      sellers.forEach((list, s) => {
        const entry = list[round];
        if (entry && taken < ITEMS) {
          perAccount[s % ACCOUNTS]!.push(lineOf(entry.item, entry.sku, `line-${taken++}`));
        }
      });
      if (taken === before) {
        throw new Error(`the catalogue has only ${taken} SKUs to buy`);
      }
    }
    const orders = await Promise.all(
      perAccount.map((lines, i) => bench.importOrder(`bench-reserve-${Date.now()}-${i}`, lines)),
    );

    await bench.control('POST', '/config', { latencyMs: LATENCY_MS });
    await bench.control('DELETE', '/requests');
    const start = performance.now();
    const started = await Promise.all(
      orders.map((order, i) =>
        bench.api<{ activityId: string }>('POST', '/reservations', {
          orderId: order.id,
          itemIds: order.items.map((item) => item.id),
          sessionId: sessions[i]!.sessionId,
        }),
      ),
    );
    const done = await Promise.all(started.map((one) => bench.settle(one.activityId)));
    const wallMs = Math.round(performance.now() - start);

    const log = await bench.requests();
    if (process.env['BENCH_TRACE']) {
      const t0 = Math.min(...log.map((e) => (e as unknown as { startMs: number }).startMs));
      for (const e of log) {
        const x = e as unknown as { startMs: number; method: string };
        console.log(
          `${x.startMs - t0} ${e.durationMs} ${e.account} ${x.method} ${e.path.slice(0, 60)}`,
        );
      }
      console.log(`start offset ${Math.round(t0 - (performance.timeOrigin + start))}`);
    }
    const floors = sessions.map(({ login }) => {
      const mine = log.filter((entry) => entry.account === login);
      const first = (prefix: string) => mine.filter((e) => e.path.startsWith(prefix)).slice(0, 1);
      const needed = [
        ...mine.filter((entry) => entry.path.startsWith('/cart/add.do')),
        ...first('/auction/order/confirm_order.htm'),
        ...first('/auction/order/submit_order.htm'),
        ...first('/trade/itemlist/'),
      ];

      return durationOf(needed);
    });
    const floorMs = Math.max(...floors);
    let held = 0;
    for (const { login } of sessions) {
      held += (await bench.control<{ orders: unknown[] }>('GET', `/orders?login=${login}`)).orders
        .length;
    }
    const states = done.map((activity) => activity.state);
    console.log(`activities: ${done.map((a) => `${a.state} ${a.reason ?? ''}`).join('; ')}`);
    console.log(
      `items: ${ITEMS} from ${Math.min(ITEMS, sellers.length)} sellers over ${ACCOUNTS} accounts; ` +
        `${held} provider orders held by the Sandbox; ${log.length} requests logged`,
    );
    if (states.some((state) => state !== 'succeeded') || held !== Math.min(ITEMS, sellers.length)) {
      throw new Error('the reservation did not create exactly one order per seller');
    }
    console.log(
      `ratio=${(wallMs / floorMs).toFixed(2)} wall_ms=${wallMs} floor_ms=${Math.round(floorMs)}`,
    );
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
