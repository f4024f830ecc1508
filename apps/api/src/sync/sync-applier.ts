import { Injectable } from '@nestjs/common';
import type { ItemPurchaseState } from '@autobuy/contracts';
import type { ProviderOrder } from '@autobuy/provider-adapters';
import { DataSource, type EntityManager, In } from 'typeorm';

import { BindingStore } from '../order-binding/binding-store';
import { ItemBindingEntity } from '../order-binding/entities/item-binding.entity';
import { ProviderOrderEntity } from '../order-binding/entities/provider-order.entity';
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

/** A stored provider order and what the provider says about it now. */
export interface OrderUpdate {
  row: ProviderOrderEntity;
  order: ProviderOrder;
  tracking: string | null;
}

/**
 * Applies provider orders' current status to the items bound to them: paid / shipped (with
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

  /**
   * Applies a page of changed orders in ONE transaction with a few statements for the whole
   * page: bindings read at once, orders and items updated per group of equal values (a
   * transaction and a handful of queries per order made a sync of 1,000 orders wait on the
   * database far longer than on the provider). Then one change is published per shop order
   * and target state. The result holds one entry per given order (null: no item bound).
   */
  async applyAll(accountId: string, updates: OrderUpdate[]): Promise<(AppliedChange | null)[]> {
    if (updates.length === 0) {
      return [];
    }

    const changes = await this.dataSource.transaction(async (manager) => {
      const itemsOf = await this.boundItems(updates, manager);
      await this.storeOrders(accountId, updates, manager);
      const applied = updates.map(({ row, order }): AppliedChange | null => {
        const itemIds = itemsOf.get(row.id) ?? [];

        return itemIds.length === 0
          ? null
          : {
              orderNumber: order.orderNumber,
              itemIds,
              to: itemStateFor(order.status),
              reason: closedReason(order),
            };
      });
      await this.moveItems(updates, applied, manager);

      return applied;
    });
    await this.publish(changes);

    return changes;
  }

  private async boundItems(
    updates: OrderUpdate[],
    manager: EntityManager,
  ): Promise<Map<string, string[]>> {
    const bound = await manager.findBy(ItemBindingEntity, {
      providerOrderId: In(updates.map((update) => update.row.id)),
      active: true,
    });
    const itemsOf = new Map<string, string[]>();
    for (const binding of bound) {
      itemsOf.set(binding.providerOrderId, [
        ...(itemsOf.get(binding.providerOrderId) ?? []),
        binding.orderItemId,
      ]);
    }

    return itemsOf;
  }

  /** Status and tracking per group of equal values; seller and fees only where they changed. */
  private async storeOrders(
    accountId: string,
    updates: OrderUpdate[],
    manager: EntityManager,
  ): Promise<void> {
    const now = new Date();
    const groups = groupBy(updates, ({ row, order, tracking }) => [
      order.status,
      order.providerStatus,
      tracking ?? row.trackingNumber,
    ]);
    for (const [first, members] of groups) {
      await manager.update(
        ProviderOrderEntity,
        { id: In(members.map(({ row }) => row.id)) },
        {
          accountId,
          status: first.order.status,
          providerStatus: first.order.providerStatus,
          trackingNumber: first.tracking ?? first.row.trackingNumber,
          seenAt: now,
          updatedAt: now,
        },
      );
    }
    for (const { row, order } of updates) {
      const details = {
        sellerId: order.sellerId ?? row.sellerId,
        sellerName: order.sellerName,
        totalFee: order.totalFee,
        postFee: order.postFee,
      };
      if (
        details.sellerId !== row.sellerId ||
        details.sellerName !== row.sellerName ||
        details.totalFee !== row.totalFee ||
        details.postFee !== row.postFee
      ) {
        await manager.update(ProviderOrderEntity, { id: row.id }, details);
      }
    }
  }

  /**
   * Items follow their orders, per group of equal target state and tracking number. Bound
   * items already carry their order's number (written with the binding), so it is not
   * rewritten; items of an order closed unpaid are freed with its own reason.
   */
  private async moveItems(
    updates: OrderUpdate[],
    applied: (AppliedChange | null)[],
    manager: EntityManager,
  ): Promise<void> {
    const moving = updates.flatMap((update, index) => {
      const change = applied[index];

      return change ? [{ ...update, change }] : [];
    });
    for (const { change } of moving.filter(({ order }) => order.status === 'cancelled')) {
      await this.bindings.endBindings(change.itemIds, change.reason ?? 'closed unpaid', manager);
      await this.items.set(
        change.itemIds,
        {
          state: 'available',
          stateReason: change.reason,
          providerOrderNumber: null,
          trackingNumber: null,
          accountId: null,
        },
        manager,
        SYNCED_FROM,
      );
    }
    const kept = moving.filter(({ order }) => order.status !== 'cancelled');
    for (const [first, members] of groupBy(kept, ({ change, tracking }) => [change.to, tracking])) {
      await this.items.set(
        members.flatMap(({ change }) => change.itemIds),
        { state: first.change.to, stateReason: null, trackingNumber: first.tracking ?? undefined },
        manager,
        SYNCED_FROM,
      );
    }
  }

  /** One announcement per shop order, state and reason, after the commit. */
  private async publish(changes: (AppliedChange | null)[]): Promise<void> {
    const applied = changes.filter((change): change is AppliedChange => change !== null);
    const rows = await this.items.items(applied.flatMap((change) => change.itemIds));
    const orderOf = new Map(rows.map((row) => [row.id, row.orderId]));
    const groups = new Map<string, { orderId: string; change: AppliedChange; itemIds: string[] }>();
    for (const change of applied) {
      for (const itemId of change.itemIds) {
        const orderId = orderOf.get(itemId);
        if (orderId === undefined) {
          continue;
        }
        const key = JSON.stringify([orderId, change.to, change.reason]);
        const group = groups.get(key) ?? { orderId, change, itemIds: [] };
        group.itemIds.push(itemId);
        groups.set(key, group);
      }
    }
    for (const { orderId, change, itemIds } of groups.values()) {
      await this.changes.publish({
        orderId,
        itemIds,
        to: change.to,
        reason: change.reason ?? undefined,
      });
    }
  }
}

/** Groups values by a key made of a few fields; returns each group's first value and members. */
function groupBy<T>(values: T[], key: (value: T) => unknown[]): [T, T[]][] {
  const groups = new Map<string, [T, T[]]>();
  for (const value of values) {
    const id = JSON.stringify(key(value));
    const group = groups.get(id);
    if (group) {
      group[1].push(value);
    } else {
      groups.set(id, [value, [value]]);
    }
  }

  return [...groups.values()];
}

function closedReason(order: ProviderOrder): string | null {
  return order.status === 'cancelled'
    ? `Provider order ${order.orderNumber} was closed unpaid (${order.providerStatus}); the item can be reserved again`
    : null;
}
