import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type OrderItemsMessage, WORKFLOW_LIVE_EVENTS } from '@autobuy/contracts';

import type { ActivitiesEngine } from '../activities/activities-engine';
import { ACTIVITIES_ENGINE } from '../activities/activities.tokens';
import { ItemStateChanges } from '../orders/item-state-changes';
import { OrderItemStates } from '../orders/item-states';
import { toOrderItemDto } from '../orders/mappers';

/**
 * Sends `order.items` to the order's room whenever its items change, with the changed items as
 * they are after the commit (read again, so the message never says more than the database).
 */
@Injectable()
export class OrderItemsLive implements OnModuleInit {
  constructor(
    @Inject(ACTIVITIES_ENGINE) private readonly engine: ActivitiesEngine,
    private readonly changes: ItemStateChanges,
    private readonly items: OrderItemStates,
  ) {}

  onModuleInit(): void {
    this.changes.subscribe(async (change) => {
      const rows = await this.items.items(change.itemIds);
      const message: OrderItemsMessage = {
        orderId: change.orderId,
        items: rows.filter((row) => row.orderId === change.orderId).map(toOrderItemDto),
      };
      this.engine.live.toRoom(`order:${change.orderId}`, WORKFLOW_LIVE_EVENTS.orderItems, message);
    });
  }
}
