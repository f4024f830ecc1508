import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../database/columns';

/** When an account's orders were last synchronized completely; the next sync reads from here. */
@Entity('sync_marks')
export class SyncMarkEntity {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 36 })
  accountId!: string;

  @TimeColumn('synced_at')
  syncedAt!: Date;

  @Column({ name: 'orders_seen', type: 'integer' })
  ordersSeen!: number;
}
