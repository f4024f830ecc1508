import type { ActivityEventLevel, ActivityEventType } from '@autobuy/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../../database/columns';

/** Append-only; `seq` counts from 1 per activity without gaps (unique with the activity id). */
@Entity('activity_events')
export class ActivityEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'activity_id', type: 'varchar', length: 36 })
  activityId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 16 })
  type!: ActivityEventType;

  @Column({ type: 'varchar', length: 8 })
  level!: ActivityEventLevel;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'simple-json', nullable: true })
  data!: Record<string, unknown> | null;

  @TimeColumn('created_at')
  createdAt!: Date;
}
