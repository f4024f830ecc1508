import { Injectable, Logger } from '@nestjs/common';
import type { ItemPurchaseState } from '@autobuy/contracts';

/** One change of some items' purchase state, published after its transaction committed. */
export interface ItemStateChange {
  orderId: string;
  itemIds: string[];
  /** The state the items left, when all of them had the same one. */
  from?: ItemPurchaseState;
  to: ItemPurchaseState;
  /** Why, in words an operator understands (shown next to the item). */
  reason?: string;
}

export type ItemStateListener = (change: ItemStateChange) => void | Promise<void>;

/**
 * The one place item state changes are announced. Whoever changes item rows publishes AFTER
 * the transaction commits, so a listener (the live channel's `order.items`, webhooks) never
 * reads a state that could still roll back. A failing listener is logged and never fails the
 * change: the database already holds the truth and clients refetch on reconnect.
 */
@Injectable()
export class ItemStateChanges {
  private readonly logger = new Logger(ItemStateChanges.name);
  private readonly listeners = new Set<ItemStateListener>();

  /** Returns a function that removes the listener again. */
  subscribe(listener: ItemStateListener): () => void {
    this.listeners.add(listener);

    return () => {
      this.listeners.delete(listener);
    };
  }

  async publish(change: ItemStateChange): Promise<void> {
    if (change.itemIds.length === 0) {
      return;
    }

    const results = await Promise.allSettled(
      [...this.listeners].map(async (listener) => listener(change)),
    );
    for (const result of results) {
      if (result.status === 'rejected') {
        this.logger.warn(
          `A listener of item state changes failed for order ${change.orderId}: ${String(
            result.reason,
          )}`,
        );
      }
    }
  }
}
