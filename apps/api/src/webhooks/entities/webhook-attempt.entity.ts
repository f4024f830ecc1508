import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../../database/columns';

/** One try of a delivery: the delivery log an admin reads when a receiver misbehaves. */
@Entity('webhook_delivery_attempts')
export class WebhookAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'delivery_id', type: 'varchar', length: 36 })
  deliveryId!: string;

  @Column({ type: 'integer' })
  attempt!: number;

  @TimeColumn('attempted_at')
  attemptedAt!: Date;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;
}
