import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../../database/columns';

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One event for one webhook. The row is the retry plan: the dispatcher picks pending rows whose
 * `nextAttemptAt` has come, so a restart loses nothing.
 */
@Entity('webhook_deliveries')
export class WebhookDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'webhook_id', type: 'varchar', length: 36 })
  webhookId!: string;

  @Column({ name: 'event_id', type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ type: 'varchar', length: 64 })
  event!: string;

  /** The exact body sent (and signed) on every attempt. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: WebhookDeliveryStatus;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  @TimeColumn('next_attempt_at', true)
  nextAttemptAt!: Date | null;

  @TimeColumn('delivered_at', true)
  deliveredAt!: Date | null;

  @TimeColumn('created_at')
  createdAt!: Date;
}
