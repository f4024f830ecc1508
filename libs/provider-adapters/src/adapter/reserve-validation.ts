import { InvalidRequestError, ItemOutdatedError } from '../errors/provider-errors';
import type { ReserveLine, ReserveRequest } from './types';

/** Lines of the same item and SKU, which the provider's cart merges into one line. */
export interface LineGroup {
  key: string;
  itemId: string;
  skuId: string | null;
  quantity: number;
  lines: ReserveLine[];
}

export function lineKey(itemId: string, skuId: string | null): string {
  return `${itemId}/${skuId ?? ''}`;
}

/** Rejects a request the provider could not act on, before anything is sent. */
export function validateReserveRequest(request: ReserveRequest, needsAddress: boolean): void {
  if (request.lines.length === 0) {
    throw new InvalidRequestError('A reservation needs at least one line');
  }

  const seen = new Set<string>();
  for (const line of request.lines) {
    if (seen.has(line.lineId)) {
      throw new InvalidRequestError(`Line ${line.lineId} appears twice`);
    }
    seen.add(line.lineId);
    if (!/^\d+$/.test(line.itemId)) {
      throw new InvalidRequestError(`Line ${line.lineId} has no valid item id: "${line.itemId}"`);
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      throw new InvalidRequestError(
        `Line ${line.lineId} needs a whole quantity of at least 1, not ${line.quantity}`,
      );
    }
  }

  if (needsAddress) {
    const missing = Object.entries(request.address ?? {})
      .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
      .map(([field]) => field);
    if (!request.address || missing.length > 0) {
      throw new InvalidRequestError(
        `The delivery address is incomplete: ${missing.join(', ') || 'missing'}`,
      );
    }
  }
}

export function groupLines(lines: ReserveLine[]): LineGroup[] {
  const groups = new Map<string, LineGroup>();
  for (const line of lines) {
    const key = lineKey(line.itemId, line.skuId);
    const group = groups.get(key);
    if (group) {
      group.quantity += line.quantity;
      group.lines.push(line);
    } else {
      groups.set(key, {
        key,
        itemId: line.itemId,
        skuId: line.skuId,
        quantity: line.quantity,
        lines: [line],
      });
    }
  }

  return [...groups.values()];
}

/** Throws "item outdated" when the current price or configuration is not what was agreed. */
export function checkLineAgainstOffer(
  line: ReserveLine,
  current: { price: string; configuration: string | null },
  priceTolerancePercent: number,
): void {
  if (line.expectedPrice !== undefined) {
    const expected = Number(line.expectedPrice);
    const now = Number(current.price);
    if (Math.abs(now - expected) > (expected * priceTolerancePercent) / 100 + 1e-9) {
      throw new ItemOutdatedError(line.itemId, 'price', line.expectedPrice, current.price);
    }
  }
  if (
    line.expectedConfiguration !== undefined &&
    current.configuration !== null &&
    normalise(line.expectedConfiguration) !== normalise(current.configuration)
  ) {
    throw new ItemOutdatedError(
      line.itemId,
      'configuration',
      line.expectedConfiguration,
      current.configuration,
    );
  }
}

function normalise(configuration: string): string {
  return configuration.replace(/\s+/g, '');
}
