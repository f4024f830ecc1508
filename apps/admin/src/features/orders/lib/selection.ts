import type { OrderItemDto, ProviderCode } from '@autobuy/contracts';

/** Why an item cannot be ticked for a reservation; null when it can. */
export type NotBuyableReason =
  | { kind: 'tmall' }
  | { kind: 'state'; reason: string | null }
  | { kind: 'other-provider'; provider: ProviderCode }
  | null;

/**
 * An item can be reserved when it is available, not a Tmall item, and belongs to the provider
 * of the session chosen to reserve with (a session buys only at its own provider).
 */
export function notBuyableReason(
  item: OrderItemDto,
  provider: ProviderCode | null,
): NotBuyableReason {
  if (item.isTmall) {
    return { kind: 'tmall' };
  }
  if (item.state !== 'available') {
    return { kind: 'state', reason: item.stateReason };
  }
  if (provider !== null && item.provider !== provider) {
    return { kind: 'other-provider', provider: item.provider };
  }

  return null;
}

export function toggle(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) {
    next.delete(id);
  } else {
    next.add(id);
  }

  return next;
}

/** Select-all: every selectable id, or none when all of them are already ticked. */
export function toggleAll(
  selected: ReadonlySet<string>,
  selectable: readonly string[],
): Set<string> {
  const allTicked = selectable.length > 0 && selectable.every((id) => selected.has(id));

  return allTicked ? new Set() : new Set(selectable);
}

/**
 * What stays ticked after the items changed (a live update, another provider chosen): only ids
 * that are still selectable, so an item reserved elsewhere cannot be sent again.
 */
export function keepSelectable(
  selected: ReadonlySet<string>,
  selectable: readonly string[],
): Set<string> {
  const allowed = new Set(selectable);

  return new Set([...selected].filter((id) => allowed.has(id)));
}

/** The state of the select-all box: all, some (indeterminate) or none. */
export function selectAllState(
  selected: ReadonlySet<string>,
  selectable: readonly string[],
): 'all' | 'some' | 'none' {
  const ticked = selectable.filter((id) => selected.has(id)).length;
  if (ticked === 0) {
    return 'none';
  }

  return ticked === selectable.length ? 'all' : 'some';
}

/** The providers of the order's items, in the order they first appear. */
export function providersOf(items: readonly OrderItemDto[]): ProviderCode[] {
  return [...new Set(items.map((item) => item.provider))];
}

/** Purchased items of one account can be unbound together; the account of the first decides. */
export function unbindAccount(items: readonly OrderItemDto[]): string | null {
  const accounts = new Set(items.map((item) => item.accountId).filter((id) => id !== null));

  return accounts.size === 1 ? [...accounts][0] : null;
}
