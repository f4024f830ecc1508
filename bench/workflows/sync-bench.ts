// Synchronizes 1,000 provider orders of one account through the whole product (REST → sync
// activity → Taobao adapter in real Chromium → Sandbox with 50 ms latency per request), half of
// them paid since they were reserved, and compares the wall time with the floor: the
// Sandbox-logged durations of the order-list pages a minimal client reads (50 orders a page),
// one after another. Run: `npm run bench:sync`. The last line is machine-readable.
import { type ProviderJob, withJob } from '@autobuy/provider-adapters';

import { ItemWriter } from '../../apps/api/src/order-binding/item-writer';
import { ProviderAccess } from '../../apps/api/src/sessions/provider-access';
import {
  Bench,
  type CatalogueItem,
  LATENCY_MS,
  durationOf,
  lineOf,
  traceRequests,
} from './harness';

const ORDERS = 1000;
const PAGE_SIZE = 50;
const MAX_ITEMS_PER_SHOP_ORDER = 500;
const ADDRESS = {
  recipientName: '王鑫磊奇跡',
  mobilePhone: '11147043234',
  regionCode: '150784',
  zipCode: '021400',
  address: '尚都国际小区东区9号楼23号车库',
};

/** One SKU per buyable seller with stock to spare: each checkout makes one order per seller. */
function oneSkuPerSeller(items: CatalogueItem[]) {
  const picked = new Map<string, { item: CatalogueItem; sku: number }>();
  for (const item of items) {
    if (item.isTmall || !item.buyEnable || item.limit !== null || picked.has(item.sellerId)) {
      continue;
    }
    const sku = item.skus.findIndex((one) => one.stock >= 60);
    if (sku >= 0) {
      picked.set(item.sellerId, { item, sku });
    }
  }

  return [...picked.values()];
}

async function main(): Promise<void> {
  const bench = await Bench.start();
  try {
    const login = 'bench_sync';
    const { sessionId, accountId } = await bench.account(login);
    const sellers = oneSkuPerSeller(await bench.catalogue());
    const access = bench.app.app.get(ProviderAccess);
    const { access: account } = await access.accountAccess(sessionId);

    // Place the orders straight through the adapter (no latency yet), as if reserved earlier.
    const placed: {
      orderNumber: string;
      itemId: string;
      skuId: string | null;
      sellerId: string;
      sellerName: string;
      totalFee: string;
    }[] = [];
    // A job per checkout: the adapter renews a long job's page, which a checkout must not span.
    while (placed.length < ORDERS) {
      const batch = sellers.slice(0, Math.min(sellers.length, ORDERS - placed.length));
      await withJob(access.adapterFor('sandbox'), account, async (job: ProviderJob) => {
        const result = await job.reserve({
          lines: batch.map(({ item, sku }, i) => ({
            lineId: String(i),
            itemId: item.itemId,
            skuId: item.skus[sku]!.skuId,
            quantity: 1,
          })),
          address: ADDRESS,
        });
        for (const order of result.orders) {
          const line = batch[Number(order.lineIds[0])]!;
          placed.push({
            orderNumber: order.orderNumber,
            sellerId: order.sellerId,
            sellerName: order.sellerName,
            totalFee: order.totalFee,
            itemId: line.item.itemId,
            skuId: line.item.skus[line.sku]!.skuId,
          });
        }
      });
    }

    // One shop order line per provider order, bound to it as a reservation binds it.
    const writer = bench.app.app.get(ItemWriter);
    for (let from = 0; from < placed.length; from += MAX_ITEMS_PER_SHOP_ORDER) {
      const chunk = placed.slice(from, from + MAX_ITEMS_PER_SHOP_ORDER);
      const lines = chunk.map((one, i) => {
        const seller = sellers.find((s) => s.item.itemId === one.itemId)!;

        return lineOf(seller.item, seller.sku, `sync-${from + i}`);
      });
      const order = await bench.importOrder(`bench-sync-${Date.now()}-${from}`, lines);
      await writer.bindOrders(
        { orderId: order.id, provider: 'sandbox', accountId, activityId: 'bench' },
        chunk.map((one, i) => ({
          orderNumber: one.orderNumber,
          status: 'unpaid' as const,
          sellerId: one.sellerId,
          sellerName: one.sellerName,
          totalFee: one.totalFee,
          itemIds: [order.items[i]!.id],
        })),
      );
    }
    for (const one of placed.filter((_, i) => i % 2 === 0)) {
      await bench.control('POST', `/orders/${one.orderNumber}/pay`);
    }

    await bench.control('POST', '/config', { latencyMs: LATENCY_MS });
    await bench.control('DELETE', '/requests');
    const start = performance.now();
    const { activityId } = await bench.api<{ activityId: string }>(
      'POST',
      `/sessions/${sessionId}/sync`,
    );
    const done = await bench.settle(activityId);
    const wallMs = Math.round(performance.now() - start);

    const log = await bench.requests();
    traceRequests(log, start);
    const pages = Math.ceil(placed.length / PAGE_SIZE);
    const lists = log.filter((entry) => entry.path.startsWith('/trade/itemlist/'));
    const floorMs = durationOf(lists.slice(0, pages));
    console.log(
      `sync: ${done.state}; ${placed.length} orders, ${JSON.stringify(done.counters)}; ` +
        `${lists.length} list pages read, ${pages} needed; ${log.length} requests logged`,
    );
    if (done.state !== 'succeeded' || done.counters.itemsDone !== Math.ceil(placed.length / 2)) {
      throw new Error('the sync did not move every paid item');
    }
    console.log(`ratio=${(wallMs / floorMs).toFixed(2)} wall_ms=${wallMs} floor_ms=${floorMs}`);
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
