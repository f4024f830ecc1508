import type { WebhookDeliveryLogDto, WebhookDto } from '@autobuy/contracts';

import type { WebhookAttemptEntity } from './entities/webhook-attempt.entity';
import type { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import type { WebhookEntity } from './entities/webhook.entity';

/** Never carries the secret: only the creating answer adds it. */
export function toWebhookDto(row: WebhookEntity): WebhookDto {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toDeliveryDto(
  row: WebhookDeliveryEntity,
  attempts: WebhookAttemptEntity[],
): WebhookDeliveryLogDto {
  return {
    id: row.id,
    webhookId: row.webhookId,
    eventId: row.eventId,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: row.status === 'pending' ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    attemptLog: attempts.map((a) => ({
      attempt: a.attempt,
      at: a.attemptedAt.toISOString(),
      responseStatus: a.responseStatus,
      error: a.error,
    })),
  };
}
