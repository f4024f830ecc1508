import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../../database/columns';

/** The link of one order item to one provider order; an item has at most one active binding. */
@Entity('item_bindings')
export class ItemBindingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'order_item_id', type: 'varchar', length: 36 })
  orderItemId!: string;

  @Column({ name: 'provider_order_id', type: 'varchar', length: 36 })
  providerOrderId!: string;

  @Column({ type: 'boolean' })
  active!: boolean;

  /** The activity that made the link (a reservation or a bind). */
  @Column({ name: 'activity_id', type: 'varchar', length: 36, nullable: true })
  activityId!: string | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 500, nullable: true })
  endReason!: string | null;

  @TimeColumn('created_at')
  createdAt!: Date;

  @TimeColumn('ended_at', true)
  endedAt!: Date | null;
}
