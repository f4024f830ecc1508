import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { SecretBox } from '../crypto/secret-box';
import { OrderEntity } from '../orders/entities/order.entity';
import { OrdersModule } from '../orders/orders.module';
import { WEBHOOK_ENTITIES } from './entities';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookOutbox } from './webhook-outbox';
import { loadWebhookSettings, WEBHOOK_SETTINGS } from './webhook-settings';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Signed `item.state_changed` webhooks with retries planned in the database. */
@Module({
  imports: [TypeOrmModule.forFeature([...WEBHOOK_ENTITIES, OrderEntity]), OrdersModule],
  controllers: [WebhooksController],
  providers: [
    { provide: WEBHOOK_SETTINGS, useFactory: () => loadWebhookSettings(process.env) },
    SecretBox,
    WebhooksService,
    WebhookDispatcher,
    WebhookOutbox,
  ],
})
export class WebhooksModule {}
