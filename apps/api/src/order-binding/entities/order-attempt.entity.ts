import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../../database/columns';

/**
 * One submit of a checkout. The provider has no idempotency key, so this row is ours: it is
 * committed as `submitting` before the submit is sent, and only a `confirmed` attempt (its
 * orders seen in the provider's order list) counts as success.
 */
export const ORDER_ATTEMPT_STATES = [
  'submitting',
  'submitted',
  'confirmed',
  'unknown',
  'failed',
] as const;
export type OrderAttemptState = (typeof ORDER_ATTEMPT_STATES)[number];

/** What was submitted, so reconciliation can recognise the orders it created. */
export interface AttemptLine {
  itemId: string;
  providerItemId: string;
  skuId: string | null;
  quantity: number;
}

@Entity('order_attempts')
export class OrderAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'activity_id', type: 'varchar', length: 36 })
  activityId!: string;

  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId!: string;

  @Column({ type: 'simple-json' })
  lines!: AttemptLine[];

  @Column({ type: 'varchar', length: 16 })
  state!: OrderAttemptState;

  @Column({ name: 'order_numbers', type: 'simple-json' })
  orderNumbers!: string[];

  /** Why the attempt is unknown or failed. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  error!: string | null;

  @TimeColumn('started_at')
  startedAt!: Date;

  @TimeColumn('finished_at', true)
  finishedAt!: Date | null;
}
