import { Injectable } from '@nestjs/common';
import type { ItemPurchaseState } from '@autobuy/contracts';
import { DataSource, type EntityManager, In } from 'typeorm';

import { OrderItemEntity } from './entities/order-item.entity';

/** What becomes of the items' purchase fields; `undefined` leaves a field as it is. */
export interface ItemStatePatch {
  state: ItemPurchaseState;
  stateReason?: string | null;
  providerOrderNumber?: string | null;
  trackingNumber?: string | null;
  accountId?: string | null;
}

export interface ClaimOutcome {
  claimed: boolean;
  /** Items another reservation holds right now (state `reserving`). */
  taken: OrderItemEntity[];
}

/**
 * Writes of the items' purchase state. The orders module owns the item rows, so the workflows
 * change them only through here; each write takes the caller's transaction (`manager`) so the
 * item, its binding and the provider order commit together.
 */
class PartialClaim extends Error {}

@Injectable()
export class OrderItemStates {
  constructor(private readonly dataSource: DataSource) {}

  async items(itemIds: string[], manager?: EntityManager): Promise<OrderItemEntity[]> {
    if (itemIds.length === 0) {
      return [];
    }

    return (manager ?? this.dataSource.manager).find(OrderItemEntity, {
      where: { id: In(itemIds) },
      relations: { account: true },
      order: { position: 'ASC' },
    });
  }

  async itemsOfOrder(orderId: string, manager?: EntityManager): Promise<OrderItemEntity[]> {
    return (manager ?? this.dataSource.manager).find(OrderItemEntity, {
      where: { orderId },
      relations: { account: true },
      order: { position: 'ASC' },
    });
  }

  /**
   * Claims every item for a reservation, or none: one conditional UPDATE (`available` →
   * `reserving`) that a parallel request cannot also win, since the database applies the two
   * one after the other and the second finds the items no longer available. A cancelled
   * reservation gives them back (`ReserveCancellation`).
   */
  async claim(orderId: string, itemIds: string[], accountId: string): Promise<ClaimOutcome> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const result = await manager
          .createQueryBuilder()
          .update(OrderItemEntity)
          .set({ state: 'reserving', stateReason: null, accountId, updatedAt: new Date() })
          .where({ id: In(itemIds), orderId, state: 'available' })
          .execute();
        if (result.affected !== itemIds.length) {
          // All or nothing: the rollback undoes the part that was claimed.
          throw new PartialClaim();
        }
      });
    } catch (error) {
      if (!(error instanceof PartialClaim)) {
        throw error;
      }

      const taken = (await this.items(itemIds)).filter((item) => item.state === 'reserving');

      return { claimed: false, taken };
    }

    return { claimed: true, taken: [] };
  }

  /** Sets the patch on items that are in one of `from` (any state when omitted). */
  async set(
    itemIds: string[],
    patch: ItemStatePatch,
    manager?: EntityManager,
    from?: ItemPurchaseState[],
  ): Promise<number> {
    if (itemIds.length === 0) {
      return 0;
    }

    const values: Partial<OrderItemEntity> = { state: patch.state, updatedAt: new Date() };
    if (patch.stateReason !== undefined) {
      values.stateReason = patch.stateReason;
    }
    if (patch.providerOrderNumber !== undefined) {
      values.providerOrderNumber = patch.providerOrderNumber;
    }
    if (patch.trackingNumber !== undefined) {
      values.trackingNumber = patch.trackingNumber;
    }
    if (patch.accountId !== undefined) {
      values.accountId = patch.accountId;
    }
    const query = (manager ?? this.dataSource.manager)
      .createQueryBuilder()
      .update(OrderItemEntity)
      .set(values)
      .where({ id: In(itemIds) });
    if (from) {
      query.andWhere({ state: In(from) });
    }

    return (await query.execute()).affected ?? 0;
  }
}
