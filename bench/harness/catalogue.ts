// Shop order lines built from the Sandbox's catalogue: each account gets distinct SKUs, so the
// Sandbox's orders tell, per account and SKU, how many provider orders one shop item produced.
import type { ImportOrderItemRequest } from '@autobuy/contracts';

import type { SandboxControl } from './http';

interface CatalogueItem {
  itemId: string;
  sellerId: string;
  shopName: string;
  title: string;
  isTmall: boolean;
  buyEnable: boolean;
  limit: number | null;
  skus: { skuId: string; price: string; stock: number }[];
}

export interface Sku {
  item: CatalogueItem;
  skuId: string;
  price: string;
}

/** Enough stock for every account of a run to buy each SKU once, with room for a retry. */
const MIN_STOCK = 20;

/** Buyable SKUs, alternating between sellers so an order spans several of them. */
export async function buyableSkus(sandbox: SandboxControl): Promise<Sku[]> {
  const { items } = await sandbox.call<{ items: CatalogueItem[] }>('GET', '/items');
  const bySeller = new Map<string, Sku[]>();
  for (const item of items) {
    if (item.isTmall || !item.buyEnable) {
      continue;
    }
    // The purchase limit counts every SKU of the item, so at most `limit` of them are used.
    const skus = item.skus
      .filter((sku) => sku.stock >= MIN_STOCK)
      .slice(0, item.limit ?? undefined);
    const list = bySeller.get(item.sellerId) ?? [];
    list.push(...skus.map((sku) => ({ item, skuId: sku.skuId, price: sku.price })));
    bySeller.set(item.sellerId, list);
  }
  const lists = [...bySeller.values()];
  const spread: Sku[] = [];
  for (let round = 0; lists.some((list) => list.length > round); round++) {
    for (const list of lists) {
      const sku = list[round];
      if (sku) {
        spread.push(sku);
      }
    }
  }

  return spread;
}

export function lineFor(sku: Sku, externalId: string): ImportOrderItemRequest {
  return {
    externalId,
    provider: 'sandbox',
    providerItemId: sku.item.itemId,
    skuId: sku.skuId,
    title: sku.item.title,
    quantity: 1,
    unitPrice: sku.price,
    currency: 'CNY',
    sellerId: sku.item.sellerId,
    sellerName: sku.item.shopName,
    isTmall: false,
  };
}
