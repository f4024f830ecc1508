import { Injectable } from '@nestjs/common';
import type { ItemPurchaseState, ProviderCode } from '@autobuy/contracts';
import type { ProviderOrderStatus } from '@autobuy/provider-adapters';
import { DataSource } from 'typeorm';

import { ItemStateChanges } from '../orders/item-state-changes';
import { OrderItemStates } from '../orders/item-states';
import { AttemptStore } from './attempt-store';
import { BindingStore } from './binding-store';

/** A provider order the workflow has seen, with the order items it holds. */
export interface BoundOrder {
  orderNumber: string;
  status: ProviderOrderStatus;
  sellerId: string | null;
  sellerName: string | null;
  totalFee: string | null;
  postFee?: string | null;
  providerStatus?: string | null;
  trackingNumber?: string | null;
  itemIds: string[];
}

/** The item purchase state a provider order's status puts its items in. */
export function itemStateFor(status: ProviderOrderStatus): ItemPurchaseState {
  switch (status) {
    case 'unpaid':
      return 'reserved';
    case 'paid':
      return 'paid';
    case 'partly_shipped':
    case 'shipped':
      return 'shipped';
    case 'finished':
      return 'finished';
    case 'closed':
      return 'closed';
    case 'cancelled':
      return 'available';
  }
}

/**
 * Every write of the workflows that touches items: one transaction for the provider order, the
 * bindings, the items (and the attempt), then the change is published once it is committed.
 */
@Injectable()
export class ItemWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: OrderItemStates,
    private readonly bindings: BindingStore,
    private readonly attempts: AttemptStore,
    private readonly changes: ItemStateChanges,
  ) {}

  /** Links the items to the provider orders and moves them to the orders' state. */
  async bindOrders(
    target: { orderId: string; provider: ProviderCode; accountId: string; activityId: string },
    orders: BoundOrder[],
    attempt?: { id: string; orderNumbers: string[] },
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const order of orders) {
        const row = await this.bindings.upsertOrder(
          {
            provider: target.provider,
            accountId: target.accountId,
            orderNumber: order.orderNumber,
            status: order.status,
            providerStatus: order.providerStatus ?? null,
            sellerId: order.sellerId,
            sellerName: order.sellerName,
            totalFee: order.totalFee,
            postFee: order.postFee ?? null,
            trackingNumber: order.trackingNumber ?? null,
          },
          manager,
        );
        await this.bindings.endBindings(order.itemIds, 'replaced by a new binding', manager);
        await this.bindings.bind(order.itemIds, row.id, target.activityId, manager);
        await this.items.set(
          order.itemIds,
          {
            state: itemStateFor(order.status),
            stateReason: null,
            providerOrderNumber: order.orderNumber,
            trackingNumber: order.trackingNumber ?? null,
            accountId: target.accountId,
          },
          manager,
        );
      }
      if (attempt) {
        await this.attempts.mark(
          attempt.id,
          'confirmed',
          { orderNumbers: attempt.orderNumbers },
          manager,
        );
      }
    });

    for (const order of orders) {
      await this.changes.publish({
        orderId: target.orderId,
        itemIds: order.itemIds,
        to: itemStateFor(order.status),
      });
    }
  }

  /**
   * Returns claimed items to `available` (or marks them `refused`) with the reason, ending any
   * binding; only items still in one of `from` change, so a repeated step changes nothing twice.
   */
  async release(
    orderId: string,
    itemIds: string[],
    to: 'available' | 'refused',
    reason: string,
    from: ItemPurchaseState[] = ['reserving'],
  ): Promise<void> {
    if (itemIds.length === 0) {
      return;
    }

    await this.dataSource.transaction(async (manager) => {
      await this.bindings.endBindings(itemIds, reason, manager);
      await this.items.set(
        itemIds,
        {
          state: to,
          stateReason: reason,
          providerOrderNumber: null,
          trackingNumber: null,
          accountId: null,
        },
        manager,
        from,
      );
    });
    await this.changes.publish({ orderId, itemIds, to, reason });
  }
}
