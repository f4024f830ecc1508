import type { ResolvedLine } from './checkout-rules';
import { ProviderError, TEXTS } from './errors';
import type { SandboxState } from './store';
import type { ConfirmSnapshot, OrderLine } from './types';

const CONFIRM_LIFETIME_MS = 30 * 60_000;
const alreadyOrdered = () => new ProviderError('B-15034', TEXTS.alreadyOrdered);
const pageExpired = () => new ProviderError('PAGE_EXPIRED', TEXTS.pageExpired);

export function cartLines(state: SandboxState, login: string, cartIdsText: string): OrderLine[] {
  const ids = cartIdsText
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const lines = ids.map((id) =>
    state.cart.find((line) => line.login === login && line.cartId === id),
  );
  // A cart line that is gone was ordered already (the cart drops ordered lines).
  if (lines.some((line) => line === undefined)) throw alreadyOrdered();

  return lines.map((line) => ({
    cartId: line!.cartId,
    itemId: line!.itemId,
    skuId: line!.skuId,
    quantity: line!.quantity,
  }));
}

// What the confirm page showed, kept so the submit can detect price changes and repeats.
export function recordSnapshot(state: SandboxState, login: string, lines: ResolvedLine[]): string {
  const token = state.token('ot_');
  state.confirms.set(token, {
    token,
    login,
    lines: lines.map((line) => ({
      cartId: line.cartId,
      itemId: line.itemId,
      skuId: line.skuId,
      quantity: line.quantity,
      priceFen: line.sku.priceFen,
    })),
    createdAtMs: state.now(),
    orderIds: null,
  });

  return token;
}

// A snapshot may be submitted once, by its account, within its lifetime, while its cart lines
// are still in the cart.
export function usableSnapshot(state: SandboxState, token: string, login: string): ConfirmSnapshot {
  const snapshot = state.confirms.get(token);
  if (
    !snapshot ||
    snapshot.login !== login ||
    state.now() - snapshot.createdAtMs > CONFIRM_LIFETIME_MS
  ) {
    throw pageExpired();
  }
  if (snapshot.orderIds !== null) throw alreadyOrdered();
  const cartIds = snapshot.lines
    .map((line) => line.cartId)
    .filter((id): id is string => id !== null);
  if (cartIds.some((id) => !state.cart.some((line) => line.cartId === id))) throw alreadyOrdered();

  return snapshot;
}
