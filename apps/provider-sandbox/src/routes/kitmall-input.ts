import type { OrderLine } from '../state/types';
import { KitmallError } from './kitmall-errors';

export function parseLines(body: unknown): OrderLine[] {
  const items = (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items) || items.length === 0) {
    throw new KitmallError(400, 'BAD_REQUEST', 'items must be a non-empty array');
  }

  return items.map((raw, index) => {
    const line = raw as Record<string, unknown>;
    const quantity = Number(line['quantity']);
    if (
      typeof line['itemId'] !== 'string' ||
      typeof line['skuId'] !== 'string' ||
      !Number.isInteger(quantity) ||
      quantity < 1
    ) {
      throw new KitmallError(
        400,
        'BAD_REQUEST',
        `items[${index}] needs itemId, skuId (strings) and a positive integer quantity`,
      );
    }

    return { cartId: null, itemId: line['itemId'], skuId: line['skuId'], quantity };
  });
}
