// What a part did (its accounts, shop orders and activities) and the three counts the harness
// promises are zero, checked against the Sandbox's ground truth and the API's view of the items.
import type { OrderDto } from '@autobuy/contracts';

import type { AdminClient, SandboxControl } from './http';
import { type SandboxOrder, sandboxOrders } from './operator';

export interface Counts {
  duplicates: number;
  /** Accounts holding a duplicate. */
  duplicateLogins: string[];
  lost: number;
  /** Shop items whose state contradicts the provider (part of `lost`). */
  lostItems: string[];
  /** Open provider orders no shop item is bound to (part of `lost`). */
  orphanOrders: string[];
}

export class Ledger {
  /** Sandbox login → Autobuy account id. */
  readonly accounts = new Map<string, string>();
  /** Shop order id → the login whose account buys it. */
  readonly orders = new Map<string, string>();
  /** Every activity the part started → the login it ran for. */
  readonly activities = new Map<string, string>();
  /** Shop items some accepted reservation or unbinding asked for; the others were never touched. */
  readonly asked = new Set<string>();

  async count(admin: AdminClient, sandbox: SandboxControl): Promise<Counts> {
    const truth = new Map<string, SandboxOrder[]>();
    for (const login of this.accounts.keys()) {
      truth.set(login, await sandboxOrders(sandbox, login));
    }
    const skuKey = (itemId: string, skuId: string | null) => `${itemId}/${skuId ?? ''}`;
    const lostItems: string[] = [];
    const boundNumbers = new Set<string>();
    // login → SKU → shop items that ask for it
    const wanted = new Map<string, Map<string, number>>();

    const allHeld = [...truth.values()].flat();
    for (const [orderId, fallbackLogin] of this.orders) {
      const order = await admin.call<OrderDto>('GET', `/orders/${orderId}`);
      for (const item of order.items) {
        // The account that reserved the item is where its provider order must be.
        const login = item.accountLogin ?? fallbackLogin;
        const perSku = wanted.get(login) ?? new Map<string, number>();
        wanted.set(login, perSku);
        const key = skuKey(item.providerItemId, item.skuId);
        perSku.set(key, (perSku.get(key) ?? 0) + 1);
        if (item.providerOrderNumber && item.state === 'reserved') {
          boundNumbers.add(item.providerOrderNumber);
        }
        if (!this.asked.has(item.id) && item.state === 'available' && !item.stateReason) {
          continue;
        }
        const problem = itemProblem(item, allHeld);
        if (problem) {
          lostItems.push(`${item.externalId} (${login}): ${problem}`);
        }
      }
    }

    let duplicates = 0;
    const duplicateLogins: string[] = [];
    const orphanOrders: string[] = [];
    for (const [login, held] of truth) {
      const perSku = wanted.get(login) ?? new Map<string, number>();
      const ordered = new Map<string, number>();
      for (const order of held) {
        for (const line of order.subOrders) {
          const key = skuKey(line.itemId, line.skuId);
          ordered.set(key, (ordered.get(key) ?? 0) + 1);
        }
        if (order.status === 'WAIT_BUYER_PAY' && !boundNumbers.has(order.bizOrderId)) {
          orphanOrders.push(`${order.bizOrderId} (${login})`);
        }
      }
      let extra = 0;
      for (const [key, times] of ordered) {
        extra += Math.max(0, times - (perSku.get(key) ?? 0));
      }
      duplicates += extra;
      if (extra > 0) {
        duplicateLogins.push(login);
      }
    }

    return {
      duplicates,
      duplicateLogins,
      lost: lostItems.length + orphanOrders.length,
      lostItems,
      orphanOrders,
    };
  }
}

/** Why the item's state contradicts the provider, or null when it is consistent. */
function itemProblem(item: OrderDto['items'][number], held: SandboxOrder[]): string | null {
  if (item.state === 'reserved') {
    const order = held.find((one) => one.bizOrderId === item.providerOrderNumber);
    if (!order) {
      return `reserved under ${item.providerOrderNumber ?? 'no order'}, which the provider lacks`;
    }
    if (order.status !== 'WAIT_BUYER_PAY') {
      return `reserved under ${order.bizOrderId}, which is ${order.status}`;
    }
    if (!order.subOrders.some((l) => l.itemId === item.providerItemId && l.skuId === item.skuId)) {
      return `reserved under ${order.bizOrderId}, which does not hold it`;
    }

    return null;
  }
  if (item.state === 'available' || item.state === 'refused') {
    return item.stateReason ? null : `${item.state} without a reason`;
  }

  return `left ${item.state}`;
}
