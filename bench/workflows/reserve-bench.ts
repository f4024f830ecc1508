// Reserves 120 order items over 3 accounts through the whole product (REST → reserve activity →
// Taobao adapter in real Chromium → Sandbox with 50 ms latency per request), the accounts in
// parallel, and compares the wall time with the floor: per account, the Sandbox-logged
// durations of the requests a minimal client needs (one cart addition per line, one confirm
// page, one submit, one order-list read) made one after another; the slowest account sets it.
// The 30 shops are added through the Sandbox's control API (no seed has 30 buyable sellers);
// each account buys from 10 of them. Three rounds (BENCH_ROUNDS), each with new shop orders; the
// last line, machine-readable, is the median round. Run: `npm run bench:reserve` (BENCH_TRACE=1
// prints the request timeline and the activities' events).
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
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);

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

type Lines = ReturnType<typeof lineOf>[];
type BenchSession = { login: string; sessionId: string; accountId: string };

/** Sellers go round-robin to the accounts, SKUs round-robin within a seller. */
function linesPerAccount(sellers: { item: CatalogueItem; sku: number }[][], round: number) {
  const perAccount: Lines[] = Array.from({ length: ACCOUNTS }, () => []);
  let taken = 0;
  for (let turn = 0; taken < ITEMS; turn++) {
    const before = taken;
    sellers.forEach((list, s) => {
      const entry = list[turn];
      if (entry && taken < ITEMS) {
        perAccount[s % ACCOUNTS]!.push(lineOf(entry.item, entry.sku, `r${round}-line-${taken++}`));
      }
    });
    if (taken === before) {
      throw new Error(`the catalogue has only ${taken} SKUs to buy`);
    }
  }

  return perAccount;
}

/** One timed reservation of all 120 items; returns its wall time and floor. */
async function timedRound(
  bench: Bench,
  sessions: BenchSession[],
  perAccount: Lines[],
  round: number,
): Promise<{ wallMs: number; floorMs: number }> {
  const orders = await Promise.all(
    perAccount.map((lines, i) =>
      bench.importOrder(`bench-reserve-${round}-${Date.now()}-${i}`, lines),
    ),
  );
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
  await traceEvents(bench, started, start);
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
  if (done.some((activity) => activity.state !== 'succeeded')) {
    const states = done.map((a) => `${a.state} ${a.reason ?? ''}`).join('; ');
    throw new Error(`round ${round}: not every reservation succeeded: ${states}`);
  }

  return { wallMs, floorMs: Math.max(...floors) };
}

/** BENCH_TRACE=1: each activity's events on the clock of the request timeline. */
async function traceEvents(bench: Bench, started: { activityId: string }[], start: number) {
  if (!process.env['BENCH_TRACE']) {
    return;
  }
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

async function main(): Promise<void> {
  const bench = await Bench.start();
  try {
    await bench.control('POST', '/reset', { seed: 1 });
    const sessions: BenchSession[] = [];
    for (let i = 1; i <= ACCOUNTS; i++) {
      sessions.push({
        login: `bench_reserve_${i}`,
        ...(await bench.account(`bench_reserve_${i}`)),
      });
    }
    const sellers = await addSellers(bench);
    await bench.control('POST', '/config', { latencyMs: LATENCY_MS });

    // A shared 2-core machine swings one round by a third either way; the median round is
    // the figure, every round is printed.
    const rounds: { wallMs: number; floorMs: number }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const one = await timedRound(bench, sessions, linesPerAccount(sellers, round), round);
      rounds.push(one);
      console.log(
        `round ${round}: ratio ${(one.wallMs / one.floorMs).toFixed(2)} ` +
          `(wall ${one.wallMs} ms, floor ${Math.round(one.floorMs)} ms)`,
      );
    }

    let held = 0;
    for (const { login } of sessions) {
      held += (await bench.control<{ orders: unknown[] }>('GET', `/orders?login=${login}`)).orders
        .length;
    }
    console.log(
      `items: ${ITEMS} from ${sellers.length} sellers over ${ACCOUNTS} accounts, ${ROUNDS} ` +
        `round(s); ${held} provider orders held by the Sandbox (one per seller and round)`,
    );
    if (held !== sellers.length * ROUNDS) {
      throw new Error('the reservations did not create exactly one order per seller and round');
    }
    const median = [...rounds].sort((a, b) => a.wallMs / a.floorMs - b.wallMs / b.floorMs)[
      Math.floor(rounds.length / 2)
    ]!;
    console.log(
      `ratio=${(median.wallMs / median.floorMs).toFixed(2)} wall_ms=${median.wallMs} ` +
        `floor_ms=${Math.round(median.floorMs)}`,
    );
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
