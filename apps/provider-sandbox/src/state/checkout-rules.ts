import { formatFen } from './money';
import { ProviderError, TEXTS } from './errors';
import type { SandboxState } from './store';
import type { Item, OrderLine, Sku } from './types';

export interface ResolvedLine extends OrderLine {
  item: Item;
  sku: Sku;
}

const OPEN_STATUSES = new Set([
  'WAIT_BUYER_PAY',
  'WAIT_SELLER_SEND_GOODS',
  'SELLER_CONSIGNED_PART',
  'WAIT_BUYER_CONFIRM_GOODS',
  'TRADE_FINISHED',
]);

export function unpaidOrderCount(state: SandboxState, login: string): number {
  return [...state.orders.values()].filter(
    (order) => order.login === login && order.status === 'WAIT_BUYER_PAY',
  ).length;
}

function boughtQuantity(state: SandboxState, login: string, itemId: string): number {
  let total = 0;
  for (const order of state.orders.values()) {
    if (order.login !== login || !OPEN_STATUSES.has(order.status)) continue;
    for (const sub of order.subOrders) {
      if (sub.itemId === itemId) total += sub.quantity;
    }
  }

  return total;
}

// Every reason a line can no longer be bought, collected at once so the buyer sees them all.
function resolveLines(state: SandboxState, lines: OrderLine[]): ResolvedLine[] {
  const invalidItems: Array<Record<string, string>> = [];
  const resolved: ResolvedLine[] = [];
  for (const line of lines) {
    const item = state.catalogue.items.get(line.itemId);
    const sku = item?.skus.find((candidate) => candidate.skuId === line.skuId);
    const base = { itemId: line.itemId, skuId: line.skuId };
    if (!item || !item.buyEnable) {
      invalidItems.push({ ...base, reason: 'DELISTED', text: item?.reason ?? TEXTS.itemNotFound });
    } else if (!sku) {
      invalidItems.push({ ...base, reason: 'SKU_GONE', text: TEXTS.skuNotFound });
    } else if (sku.stock < line.quantity) {
      invalidItems.push({ ...base, reason: 'OUT_OF_STOCK', text: TEXTS.stockNotEnough });
    } else {
      resolved.push({ ...line, item, sku });
    }
  }
  if (invalidItems.length > 0) {
    throw new ProviderError('ITEM_INVALID', TEXTS.itemInvalid, { invalidItems });
  }

  return resolved;
}

function checkLimits(state: SandboxState, login: string, lines: ResolvedLine[]): void {
  const wanted = new Map<string, number>();
  for (const line of lines) {
    wanted.set(line.itemId, (wanted.get(line.itemId) ?? 0) + line.quantity);
  }
  for (const [itemId, quantity] of wanted) {
    const limit = state.catalogue.items.get(itemId)?.limit ?? null;
    if (limit !== null && quantity + boughtQuantity(state, login, itemId) > limit) {
      throw new ProviderError('F-10003', TEXTS.overLimit, { itemId, limit });
    }
  }
}

function checkPrices(lines: ResolvedLine[], snapshotPrices: Map<string, number> | null): void {
  if (!snapshotPrices) return;

  const changes = lines
    .filter((line) => snapshotPrices.get(line.skuId) !== line.sku.priceFen)
    .map((line) => ({
      itemId: line.itemId,
      skuId: line.skuId,
      oldPrice: formatFen(snapshotPrices.get(line.skuId) ?? 0),
      newPrice: formatFen(line.sku.priceFen),
    }));
  if (changes.length > 0) {
    throw new ProviderError('PROMOTION_CHANGED', TEXTS.promotionChanged, { changes });
  }
}

// The deal limit is a fixed number per account here; the real one depends on account history.
function checkDealLimit(state: SandboxState, login: string, lines: ResolvedLine[]): void {
  const account = state.accounts.get(login);
  const newOrders = new Set(lines.map((line) => line.item.sellerId)).size;
  const unpaid = unpaidOrderCount(state, login);
  if (account && unpaid + newOrders > account.dealLimit) {
    throw new ProviderError('DEAL_LIMIT', TEXTS.dealLimit, { limit: account.dealLimit, unpaid });
  }
}

export function validateCheckout(
  state: SandboxState,
  login: string,
  lines: OrderLine[],
  snapshotPrices: Map<string, number> | null,
): ResolvedLine[] {
  if (lines.length === 0) {
    throw new ProviderError('CART_EMPTY', TEXTS.cartEmpty);
  }
  if (lines.some((line) => !Number.isInteger(line.quantity) || line.quantity < 1)) {
    throw new ProviderError('QUANTITY_INVALID', TEXTS.quantityInvalid);
  }

  const resolved = resolveLines(state, lines);
  checkLimits(state, login, resolved);
  checkPrices(resolved, snapshotPrices);
  checkDealLimit(state, login, resolved);

  return resolved;
}

/**
 * The lines whose orders a multi-seller checkout creates before one seller's order fails: every
 * seller's but the last one's (in the order the sellers first appear). One seller: none.
 */
export function linesBeforeLastSeller(lines: ResolvedLine[]): ResolvedLine[] {
  const sellers = [...new Set(lines.map((line) => line.item.sellerId))];
  const failing = sellers[sellers.length - 1];

  return lines.filter((line) => line.item.sellerId !== failing);
}
