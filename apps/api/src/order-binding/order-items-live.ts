import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type OrderItemsMessage, WORKFLOW_LIVE_EVENTS } from '@autobuy/contracts';

import type { ActivitiesEngine } from '../activities/activities-engine';
import { ACTIVITIES_ENGINE } from '../activities/activities.tokens';
import { ItemStateChanges } from '../orders/item-state-changes';
import { OrdersService } from '../orders/orders.service';

/**
 * Sends `order.items` to the order's room whenever its items change, with the changed items as
 * they are after the commit (read again, so the message never says more than the database).
 */
@Injectable()
export class OrderItemsLive implements OnModuleInit {
  constructor(
    @Inject(ACTIVITIES_ENGINE) private readonly engine: ActivitiesEngine,
    private readonly changes: ItemStateChanges,
    private readonly orders: OrdersService,
  ) {}

  onModuleInit(): void {
    this.changes.subscribe(async (change) => {
      const order = await this.orders.detail(change.orderId);
      const wanted = new Set(change.itemIds);
      const message: OrderItemsMessage = {
        orderId: change.orderId,
        items: order.items.filter((item) => wanted.has(item.id)),
      };
      this.engine.live.toRoom(`order:${change.orderId}`, WORKFLOW_LIVE_EVENTS.orderItems, message);
    });
  }
}
