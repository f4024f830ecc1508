// Reserves 120 order items over 3 accounts through the whole product (REST → reserve activity →
// Taobao adapter in real Chromium → Sandbox with 50 ms latency per request), the accounts in
// parallel, and compares the wall time with the floor: per account, the Sandbox-logged
// durations of the requests a minimal client needs (one cart addition per line, one confirm
// page, one submit, one order-list read) made one after another; the slowest account sets it.
// The 30 shops are added through the Sandbox's control API (no seed has 30 buyable sellers);
// each account buys from 10 of them. Run: `npm run bench:reserve` (BENCH_TRACE=1 prints the
// request timeline). The last line is machine-readable.
import {
  Bench,
  type CatalogueItem,
  LATENCY_MS,
  durationOf,
  lineOf,
  traceRequests,
} from './harness';

const ITEMS = 120;
const SELLERS = 30;
const ACCOUNTS = 3;
// Two items of two colours per shop: four order lines per seller, from several items.
const ITEMS_PER_SELLER = 2;
const COLOURS = 2;

/** Adds the benchmark's shops to the Sandbox; returns each shop's SKUs to buy. */
async function addSellers(bench: Bench): Promise<{ item: CatalogueItem; sku: number }[][]> {
  const sellers = [];
  for (let s = 1; s <= SELLERS; s++) {
    const { items } = await bench.control<{ items: CatalogueItem[] }>('POST', '/sellers', {
      shopName: `基准店铺${s}`,
      items: Array.from({ length: ITEMS_PER_SELLER }, (_, i) => ({
        title: `基准商品 ${s}-${i + 1}`,
        price: `${10 + s}.${String(i * 10).padStart(2, '0')}`,
        stock: 100,
        colours: COLOURS,
      })),
    });
    sellers.push(items.flatMap((item) => item.skus.map((_, sku) => ({ item, sku }))));
  }

  return sellers;
}

async function main(): Promise<void> {
  const bench = await Bench.start();
  try {
    await bench.control('POST', '/reset', { seed: 1 });
    const sessions: { login: string; sessionId: string; accountId: string }[] = [];
    for (let i = 1; i <= ACCOUNTS; i++) {
      sessions.push({
        login: `bench_reserve_${i}`,
        ...(await bench.account(`bench_reserve_${i}`)),
      });
    }

    // Sellers go round-robin to the accounts, SKUs round-robin within a seller.
    const sellers = await addSellers(bench);
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
    traceRequests(log, start);
    if (process.env['BENCH_TRACE']) {
      for (const one of started) {
        const events = await bench.api<{ message: string; createdAt: string }[]>(
          'GET',
          `/activities/${one.activityId}/events?limit=200`,
        );
        for (const event of events) {
          const at = Date.parse(event.createdAt) - (performance.timeOrigin + start);
          console.log(`${Math.round(at)} event ${one.activityId.slice(0, 8)} ${event.message}`);
        }
      }
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
      `items: ${ITEMS} from ${sellers.length} sellers over ${ACCOUNTS} accounts; ` +
        `${held} provider orders held by the Sandbox; ${log.length} requests logged`,
    );
    if (states.some((state) => state !== 'succeeded') || held !== sellers.length) {
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
