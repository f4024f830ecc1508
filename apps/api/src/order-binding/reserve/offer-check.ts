import type { ItemOffer } from '@autobuy/provider-adapters';

import type { ItemIssue, ReserveItem } from './reserve.state';

export type OfferVerdict =
  { kind: 'ok' } | { kind: 'refused'; reason: string } | { kind: 'issue'; issue: ItemIssue };

function normalise(configuration: string | null): string {
  return (configuration ?? '').replace(/\s+/g, '');
}

/** True when `now` differs from `expected` by more than the tolerance (a percentage). */
export function beyondTolerance(expected: string, now: string, tolerancePercent: number): boolean {
  const was = Number(expected);

  return Math.abs(Number(now) - was) > (was * tolerancePercent) / 100 + 1e-9;
}

/**
 * Judges one item against the provider's current offer, before anything goes into the cart:
 * what cannot be bought is refused with the reason; what changed becomes a question.
 */
export function checkOffer(
  item: ReserveItem,
  offer: ItemOffer,
  tolerancePercent: number,
): OfferVerdict {
  if (offer.isTmall) {
    return {
      kind: 'refused',
      reason: `Tmall item (${offer.sellerName}): Tmall items cannot be bought automatically`,
    };
  }
  if (!offer.buyable) {
    return {
      kind: 'refused',
      reason: `The provider does not sell this item: ${offer.notBuyableText ?? 'no reason given'}`,
    };
  }

  const issue = (fields: Partial<ItemIssue> & Pick<ItemIssue, 'kind'>): OfferVerdict => ({
    kind: 'issue',
    issue: {
      itemId: item.itemId,
      oldPrice: item.expectedPrice,
      newPrice: null,
      oldConfiguration: item.expectedConfiguration,
      newConfiguration: null,
      stock: null,
      ...fields,
    },
  });
  const sku =
    item.skuId === null ? offer.skus[0] : offer.skus.find((one) => one.skuId === item.skuId);
  if (!sku) {
    return issue({ kind: 'configuration', newConfiguration: null });
  }
  if (
    item.expectedConfiguration !== null &&
    normalise(sku.configuration) !== '' &&
    normalise(sku.configuration) !== normalise(item.expectedConfiguration)
  ) {
    return issue({
      kind: 'configuration',
      newConfiguration: sku.configuration,
      newPrice: sku.price,
    });
  }
  if (sku.stock < item.quantity) {
    return issue({ kind: 'stock', stock: sku.stock, newPrice: sku.price });
  }
  if (beyondTolerance(item.expectedPrice, sku.price, tolerancePercent)) {
    return issue({ kind: 'price', newPrice: sku.price, stock: sku.stock });
  }

  return { kind: 'ok' };
}
