import type { ProviderOrder } from '@autobuy/provider-adapters';

import { matchAttempt } from './reconcile-match';

const START = Date.parse('2026-12-03T10:00:00Z');

function order(
  number: string,
  lines: [string, string, number][],
  overrides: Partial<ProviderOrder> = {},
): ProviderOrder {
  return {
    orderNumber: number,
    createdAt: new Date(START + 1_000).toISOString(),
    sellerName: 'shop',
    sellerId: 's',
    status: 'unpaid',
    providerStatus: 'WAIT_BUYER_PAY',
    totalFee: '1.00',
    postFee: '0.00',
    lines: lines.map(([itemId, skuId, quantity]) => ({
      itemId,
      skuId,
      title: itemId,
      configuration: null,
      quantity,
      total: '1.00',
      pictureUrl: null,
    })),
    ...overrides,
  };
}

const lines = [
  { itemId: 'a', providerItemId: '1', skuId: '11', quantity: 2 },
  { itemId: 'b', providerItemId: '2', skuId: '21', quantity: 1 },
];
const options = { notBeforeMs: START, knownOrderNumbers: new Set<string>() };

describe('matchAttempt', () => {
  it('should find one order per seller holding exactly the attempt lines', () => {
    const match = matchAttempt(
      lines,
      [order('o1', [['1', '11', 2]]), order('o2', [['2', '21', 1]])],
      options,
    );

    expect(match.found.map((f) => [f.order.orderNumber, f.itemIds])).toEqual([
      ['o1', ['a']],
      ['o2', ['b']],
    ]);
    expect(match.missingItemIds).toEqual([]);
  });

  it('should ignore orders already bound, older than the attempt, paid, or with other quantities', () => {
    const match = matchAttempt(
      lines,
      [
        order('known', [['1', '11', 2]]),
        order('old', [['1', '11', 2]], { createdAt: new Date(START - 1).toISOString() }),
        order('paid', [['1', '11', 2]], { status: 'paid' }),
        order('more', [['2', '21', 3]]),
      ],
      { ...options, knownOrderNumbers: new Set(['known']) },
    );

    expect(match.found).toEqual([]);
    expect(match.missingItemIds).toEqual(['a', 'b']);
  });

  it('should count an item only once when two orders could hold it', () => {
    const match = matchAttempt(
      lines,
      [order('n2', [['1', '11', 2]]), order('n1', [['1', '11', 2]])],
      options,
    );

    expect(match.found.map((f) => f.order.orderNumber)).toEqual(['n2']);
    expect(match.missingItemIds).toEqual(['b']);
  });
});
