import type { ProviderOrder } from '@autobuy/provider-adapters';

import type { AttemptLine } from '../entities/order-attempt.entity';

export interface AttemptMatch {
  /** Provider orders the attempt created, each with the items it holds. */
  found: { order: ProviderOrder; itemIds: string[] }[];
  /** Items of the attempt no provider order accounts for. */
  missingItemIds: string[];
}

function key(itemId: string, skuId: string | null): string {
  return `${itemId}/${skuId ?? ''}`;
}

/**
 * Finds the orders an attempt created among the provider's orders: unpaid, created no earlier
 * than the attempt (less a clock allowance), not already bound to any item, and holding exactly
 * the attempt's lines of their seller. The provider has no idempotency key, so this is how a
 * lost answer is told apart from a submit that created nothing.
 */
export function matchAttempt(
  lines: AttemptLine[],
  orders: ProviderOrder[],
  options: { notBeforeMs: number; knownOrderNumbers: Set<string> },
): AttemptMatch {
  const wanted = new Map<string, { quantity: number; itemIds: string[] }>();
  for (const line of lines) {
    const k = key(line.providerItemId, line.skuId);
    const entry = wanted.get(k) ?? { quantity: 0, itemIds: [] };
    entry.quantity += line.quantity;
    entry.itemIds.push(line.itemId);
    wanted.set(k, entry);
  }

  const covered = new Set<string>();
  const found: AttemptMatch['found'] = [];
  const candidates = orders.filter(
    (order) =>
      order.status === 'unpaid' &&
      !options.knownOrderNumbers.has(order.orderNumber) &&
      Date.parse(order.createdAt) >= options.notBeforeMs,
  );
  for (const order of candidates) {
    const keys = order.lines.map((line) => key(line.itemId, line.skuId));
    const fits = order.lines.every(
      (line) => wanted.get(key(line.itemId, line.skuId))?.quantity === line.quantity,
    );
    if (!fits || order.lines.length === 0 || keys.some((k) => covered.has(k))) {
      continue;
    }
    keys.forEach((k) => covered.add(k));
    found.push({ order, itemIds: keys.flatMap((k) => wanted.get(k)?.itemIds ?? []) });
  }

  const missingItemIds = [...wanted.entries()]
    .filter(([k]) => !covered.has(k))
    .flatMap(([, entry]) => entry.itemIds);

  return { found, missingItemIds };
}
