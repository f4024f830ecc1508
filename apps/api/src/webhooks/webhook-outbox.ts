import { randomUUID } from 'node:crypto';

import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ItemStateChangedEventBody } from '@autobuy/contracts';
import type { Repository } from 'typeorm';

import { OrderEntity } from '../orders/entities/order.entity';
import { type ItemStateChange, ItemStateChanges } from '../orders/item-state-changes';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookEntity } from './entities/webhook.entity';
import { WebhookDispatcher } from './webhook-dispatcher';

const ITEM_STATE_CHANGED = 'item.state_changed';

/**
 * Turns every committed item state change into one pending delivery per enabled webhook that
 * subscribed to it. The rows are written before anything is sent, so a crash right after a
 * change still delivers it once the dispatcher runs again.
 */
@Injectable()
export class WebhookOutbox implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly changes: ItemStateChanges,
    private readonly dispatcher: WebhookDispatcher,
    @InjectRepository(WebhookEntity) private readonly webhooks: Repository<WebhookEntity>,
    @InjectRepository(WebhookDeliveryEntity)
    private readonly deliveries: Repository<WebhookDeliveryEntity>,
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.changes.subscribe(async (change) => {
      await this.enqueue(change);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Returns how many deliveries were queued. */
  async enqueue(change: ItemStateChange): Promise<number> {
    const targets = (await this.webhooks.findBy({ enabled: true })).filter((w) =>
      w.events.includes(ITEM_STATE_CHANGED),
    );
    if (targets.length === 0) {
      return 0;
    }

    const order = await this.orders.findOne({
      select: { id: true, externalId: true },
      where: { id: change.orderId },
    });
    const now = new Date();
    const body: ItemStateChangedEventBody = {
      id: randomUUID(),
      event: ITEM_STATE_CHANGED,
      occurredAt: now.toISOString(),
      data: {
        orderId: change.orderId,
        orderExternalId: order?.externalId ?? null,
        itemIds: change.itemIds,
        from: change.from ?? null,
        to: change.to,
        reason: change.reason ?? null,
      },
    };
    const payload = JSON.stringify(body);

    await this.deliveries.insert(
      targets.map((webhook) => ({
        id: randomUUID(),
        webhookId: webhook.id,
        eventId: body.id,
        event: ITEM_STATE_CHANGED,
        payload,
        attempts: 0,
        status: 'pending' as const,
        responseStatus: null,
        error: null,
        nextAttemptAt: now,
        deliveredAt: null,
        createdAt: now,
      })),
    );
    this.dispatcher.wake();

    return targets.length;
  }
}
