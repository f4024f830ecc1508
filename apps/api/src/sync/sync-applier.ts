import { Injectable } from '@nestjs/common';
import type { ItemPurchaseState, ProviderCode } from '@autobuy/contracts';
import type { ProviderOrder } from '@autobuy/provider-adapters';
import { DataSource, type EntityManager } from 'typeorm';

import { BindingStore } from '../order-binding/binding-store';
import type { ProviderOrderEntity } from '../order-binding/entities/provider-order.entity';
import { itemStateFor } from '../order-binding/item-writer';
import { ItemStateChanges } from '../orders/item-state-changes';
import { OrderItemStates } from '../orders/item-states';

/** Item states a sync may move; `refused` and `available` items are not ours to touch. */
const SYNCED_FROM: ItemPurchaseState[] = ['reserving', 'reserved', 'paid', 'shipped', 'finished'];

export interface AppliedChange {
  orderNumber: string;
  itemIds: string[];
  to: ItemPurchaseState;
  /** Why the items went back to available (an order closed unpaid), else null. */
  reason: string | null;
}

/**
 * Applies one provider order's current status to the items bound to it: paid / shipped (with
 * tracking) / finished / closed; an order closed unpaid frees its items with a note.
 */
@Injectable()
export class SyncApplier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bindings: BindingStore,
    private readonly items: OrderItemStates,
    private readonly changes: ItemStateChanges,
  ) {}

  needsUpdate(row: ProviderOrderEntity, order: ProviderOrder, tracking: string | null): boolean {
    // The provider's own code is refreshed with the next real change; alone it moves nothing.
    return row.status !== order.status || (tracking !== null && row.trackingNumber !== tracking);
  }

  async apply(
    provider: ProviderCode,
    accountId: string,
    order: ProviderOrder,
    tracking: string | null,
  ): Promise<AppliedChange | null> {
    const [change] = await this.applyAll(provider, accountId, [{ order, tracking }]);

    return change ?? null;
  }

  /**
   * Applies a page of changed orders in ONE transaction (a transaction per order made a sync
   * of 1,000 orders wait on the database far longer than on the provider), then publishes.
   * The result holds one entry per order that has bound items, in the given order.
   */
  async applyAll(
    provider: ProviderCode,
    accountId: string,
    entries: { order: ProviderOrder; tracking: string | null }[],
  ): Promise<(AppliedChange | null)[]> {
    if (entries.length === 0) {
      return [];
    }

    const changes = await this.dataSource.transaction(async (manager) => {
      const applied: (AppliedChange | null)[] = [];
      for (const { order, tracking } of entries) {
        applied.push(await this.applyOne(provider, accountId, order, tracking, manager));
      }

      return applied;
    });

    for (const change of changes) {
      if (change) {
        await this.publish(change);
      }
    }

    return changes;
  }

  private async applyOne(
    provider: ProviderCode,
    accountId: string,
    order: ProviderOrder,
    tracking: string | null,
    manager: EntityManager,
  ): Promise<AppliedChange | null> {
    const to = itemStateFor(order.status);
    const reason = closedReason(order);
    const row = await this.bindings.upsertOrder(
      {
        provider,
        accountId,
        orderNumber: order.orderNumber,
        status: order.status,
        providerStatus: order.providerStatus,
        sellerId: order.sellerId,
        sellerName: order.sellerName,
        totalFee: order.totalFee,
        postFee: order.postFee,
        trackingNumber: tracking,
      },
      manager,
    );
    const itemIds = await this.bindings.boundItemIds(row.id, manager);
    if (itemIds.length === 0) {
      return null;
    }
    if (order.status === 'cancelled') {
      await this.bindings.endBindings(itemIds, reason ?? 'closed unpaid', manager);
      await this.items.set(
        itemIds,
        {
          state: 'available',
          stateReason: reason,
          providerOrderNumber: null,
          trackingNumber: null,
          accountId: null,
        },
        manager,
        SYNCED_FROM,
      );
    } else {
      await this.items.set(
        itemIds,
        {
          state: to,
          stateReason: null,
          providerOrderNumber: order.orderNumber,
          trackingNumber: tracking ?? undefined,
        },
        manager,
        SYNCED_FROM,
      );
    }

    return { orderNumber: order.orderNumber, itemIds, to, reason };
  }

  private async publish(change: AppliedChange): Promise<void> {
    const rows = await this.items.items(change.itemIds);
    const byOrder = new Map<string, string[]>();
    for (const row of rows) {
      byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row.id]);
    }
    for (const [orderId, itemIds] of byOrder) {
      await this.changes.publish({
        orderId,
        itemIds,
        to: change.to,
        reason: change.reason ?? undefined,
      });
    }
  }
}

function closedReason(order: ProviderOrder): string | null {
  return order.status === 'cancelled'
    ? `Provider order ${order.orderNumber} was closed unpaid (${order.providerStatus}); the item can be reserved again`
    : null;
}
