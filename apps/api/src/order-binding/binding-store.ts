import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { ProviderCode } from '@autobuy/contracts';
import type { ProviderOrderStatus } from '@autobuy/provider-adapters';
import { DataSource, type EntityManager, In } from 'typeorm';

import { ItemBindingEntity } from './entities/item-binding.entity';
import { ProviderOrderEntity } from './entities/provider-order.entity';

/** What we learnt about a provider order, from a reservation, a bind or a sync. */
export interface SeenProviderOrder {
  provider: ProviderCode;
  accountId: string;
  orderNumber: string;
  status: ProviderOrderStatus;
  providerStatus?: string | null;
  sellerId?: string | null;
  sellerName?: string | null;
  totalFee?: string | null;
  postFee?: string | null;
  trackingNumber?: string | null;
}

export interface ActiveBinding {
  binding: ItemBindingEntity;
  providerOrder: ProviderOrderEntity;
}

/** Provider orders and the item ↔ provider order links; every write takes the caller's manager. */
@Injectable()
export class BindingStore {
  constructor(private readonly dataSource: DataSource) {}

  manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async findOrder(
    provider: ProviderCode,
    orderNumber: string,
    manager?: EntityManager,
  ): Promise<ProviderOrderEntity | null> {
    return this.manager(manager).findOneBy(ProviderOrderEntity, { provider, orderNumber });
  }

  async ordersByNumber(
    provider: ProviderCode,
    orderNumbers: string[],
  ): Promise<Map<string, ProviderOrderEntity>> {
    const rows =
      orderNumbers.length === 0
        ? []
        : await this.dataSource.manager.findBy(ProviderOrderEntity, {
            provider,
            orderNumber: In(orderNumbers),
          });

    return new Map(rows.map((row) => [row.orderNumber, row]));
  }

  /** Inserts or refreshes the row; fields the caller does not know keep their value. */
  async upsertOrder(
    seen: SeenProviderOrder,
    manager?: EntityManager,
  ): Promise<ProviderOrderEntity> {
    const em = this.manager(manager);
    const now = new Date();
    const existing = await this.findOrder(seen.provider, seen.orderNumber, em);
    if (existing) {
      existing.status = seen.status;
      existing.accountId = seen.accountId;
      existing.providerStatus = seen.providerStatus ?? existing.providerStatus;
      existing.sellerId = seen.sellerId ?? existing.sellerId;
      existing.sellerName = seen.sellerName ?? existing.sellerName;
      existing.totalFee = seen.totalFee ?? existing.totalFee;
      existing.postFee = seen.postFee ?? existing.postFee;
      existing.trackingNumber = seen.trackingNumber ?? existing.trackingNumber;
      existing.seenAt = now;
      existing.updatedAt = now;

      return em.save(ProviderOrderEntity, existing);
    }

    const row = em.create(ProviderOrderEntity, {
      id: randomUUID(),
      provider: seen.provider,
      accountId: seen.accountId,
      orderNumber: seen.orderNumber,
      status: seen.status,
      providerStatus: seen.providerStatus ?? null,
      sellerId: seen.sellerId ?? null,
      sellerName: seen.sellerName ?? null,
      totalFee: seen.totalFee ?? null,
      postFee: seen.postFee ?? null,
      trackingNumber: seen.trackingNumber ?? null,
      seenAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await em.insert(ProviderOrderEntity, row);

    return row;
  }

  async bind(
    itemIds: string[],
    providerOrderId: string,
    activityId: string | null,
    manager?: EntityManager,
  ): Promise<void> {
    if (itemIds.length === 0) {
      return;
    }

    const now = new Date();
    await this.manager(manager).insert(
      ItemBindingEntity,
      itemIds.map((orderItemId) => ({
        id: randomUUID(),
        orderItemId,
        providerOrderId,
        active: true,
        activityId,
        endReason: null,
        createdAt: now,
        endedAt: null,
      })),
    );
  }

  async endBindings(itemIds: string[], reason: string, manager?: EntityManager): Promise<void> {
    if (itemIds.length === 0) {
      return;
    }

    await this.manager(manager)
      .createQueryBuilder()
      .update(ItemBindingEntity)
      .set({ active: false, endReason: reason, endedAt: new Date() })
      .where({ orderItemId: In(itemIds), active: true })
      .execute();
  }

  async activeBindings(itemIds: string[], manager?: EntityManager): Promise<ActiveBinding[]> {
    if (itemIds.length === 0) {
      return [];
    }

    const em = this.manager(manager);
    const bindings = await em.findBy(ItemBindingEntity, {
      orderItemId: In(itemIds),
      active: true,
    });
    // Every reservation step asks; most of the time nothing is bound yet.
    if (bindings.length === 0) {
      return [];
    }
    const orders = await em.findBy(ProviderOrderEntity, {
      id: In([...new Set(bindings.map((binding) => binding.providerOrderId))]),
    });
    const byId = new Map(orders.map((order) => [order.id, order]));

    return bindings.flatMap((binding) => {
      const providerOrder = byId.get(binding.providerOrderId);

      return providerOrder ? [{ binding, providerOrder }] : [];
    });
  }

  /** Ids of the items bound to a provider order right now. */
  async boundItemIds(providerOrderId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await this.manager(manager).findBy(ItemBindingEntity, {
      providerOrderId,
      active: true,
    });

    return rows.map((row) => row.orderItemId);
  }

  /** Of these provider order ids, the ones some item is bound to. */
  async boundOrderIds(providerOrderIds: string[]): Promise<Set<string>> {
    if (providerOrderIds.length === 0) {
      return new Set();
    }

    const rows = await this.dataSource.manager.findBy(ItemBindingEntity, {
      providerOrderId: In(providerOrderIds),
      active: true,
    });

    return new Set(rows.map((row) => row.providerOrderId));
  }
}
