import { WebhookAttemptEntity } from './webhook-attempt.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEntity } from './webhook.entity';

export { WebhookAttemptEntity, WebhookDeliveryEntity, WebhookEntity };

export const WEBHOOK_ENTITIES = [WebhookEntity, WebhookDeliveryEntity, WebhookAttemptEntity];
