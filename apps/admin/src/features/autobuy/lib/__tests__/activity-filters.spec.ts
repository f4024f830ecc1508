import { describe, expect, it } from 'vitest';

import { canCancel, canRetry, filtersFromSearch } from '../activity-filters';

describe('activity filters from the address', () => {
  it('should keep known states and kinds and drop unknown ones', () => {
    expect(filtersFromSearch(new URLSearchParams('state=running&kind=sync'))).toEqual({
      state: 'running',
      kind: 'sync',
    });
    expect(filtersFromSearch(new URLSearchParams('state=exploded&kind=teleport'))).toEqual({});
  });

  it('should include the whole "to" day and ignore dates that are not dates', () => {
    const filters = filtersFromSearch(new URLSearchParams('from=2026-12-01&to=2026-12-02'));

    expect(new Date(filters.createdFrom ?? '').getDate()).toBe(1);
    const to = new Date(filters.createdTo ?? '');
    expect([to.getDate(), to.getHours(), to.getMinutes()]).toEqual([2, 23, 59]);
    expect(filtersFromSearch(new URLSearchParams('from=yesterday'))).toEqual({});
  });

  it('should trim ids and search text and leave out empty ones', () => {
    expect(filtersFromSearch(new URLSearchParams('orderId=%20o1%20&accountId=&q=%20'))).toEqual({
      orderId: 'o1',
    });
  });

  it('should pass an order number on as it was typed, without the spaces around it', () => {
    expect(filtersFromSearch(new URLSearchParams('orderNumber=%20SHOP-10045%20'))).toEqual({
      orderNumber: 'SHOP-10045',
    });
  });
});

describe('activity actions', () => {
  it('should allow cancel only before the end and retry only after a failure', () => {
    const live = ['queued', 'running', 'waiting_for_operator'] as const;
    expect(live.every((state) => canCancel(state, 'sync'))).toBe(true);
    expect(canCancel('succeeded', 'reserve')).toBe(false);
    expect(canCancel('cancelled', 'reserve')).toBe(false);
    expect(canRetry('failed')).toBe(true);
    expect(canRetry('aborted')).toBe(false);
  });

  it('should offer cancel on a failed reservation only, which gives its items back', () => {
    expect(canCancel('failed', 'reserve')).toBe(true);
    expect(canCancel('failed', 'unbind')).toBe(false);
    expect(canCancel('failed', 'sync')).toBe(false);
  });
});
