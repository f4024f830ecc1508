import { ITEM_PURCHASE_STATES, type ItemPurchaseState } from '@autobuy/contracts';
import { describe, expect, it } from 'vitest';

import { orderItem } from '../../../../test/order-fixtures';
import { splitItems } from '../split-items';

describe('splitItems', () => {
  it.each([
    ['available', 'toPurchase'],
    ['refused', 'toPurchase'],
    ['reserving', 'purchased'],
    ['reserved', 'purchased'],
    ['paid', 'purchased'],
    ['shipped', 'purchased'],
    ['finished', 'purchased'],
    ['closed', 'purchased'],
  ] as const)('should put a %s item under %s', (state, section) => {
    const item = orderItem({ id: 'i1', state });

    const split = splitItems([item]);

    expect(split[section]).toEqual([item]);
  });

  it('should decide a section for every state the contract knows', () => {
    const items = ITEM_PURCHASE_STATES.map((state: ItemPurchaseState) =>
      orderItem({ id: state, state }),
    );

    const split = splitItems(items);

    expect(split.toPurchase.length + split.purchased.length).toBe(ITEM_PURCHASE_STATES.length);
  });

  it('should keep the order of the items within each section', () => {
    const items = [
      orderItem({ id: 'a', state: 'paid' }),
      orderItem({ id: 'b', state: 'available' }),
      orderItem({ id: 'c', state: 'reserved' }),
      orderItem({ id: 'd', state: 'available' }),
    ];

    const split = splitItems(items);

    expect(split.purchased.map((item) => item.id)).toEqual(['a', 'c']);
    expect(split.toPurchase.map((item) => item.id)).toEqual(['b', 'd']);
  });
});
