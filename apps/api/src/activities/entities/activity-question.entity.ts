import type { ActivityQuestionOption } from '@autobuy/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../../database/columns';
import { epochMs } from './epoch-ms';

@Entity('activity_questions')
export class ActivityQuestionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'activity_id', type: 'varchar', length: 36 })
  activityId!: string;

  @Column({ type: 'text' })
  prompt!: string;

  @Column({ type: 'simple-json' })
  options!: ActivityQuestionOption[];

  @Column({ type: 'simple-json' })
  context!: Record<string, unknown>;

  @Column({ name: 'default_choice', type: 'varchar', length: 64 })
  defaultChoice!: string;

  @Column({ name: 'deadline_ms', type: 'bigint', nullable: true, transformer: epochMs })
  deadlineMs!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  choice!: string | null;

  @Column({ name: 'answered_by', type: 'varchar', length: 100, nullable: true })
  answeredBy!: string | null;

  @TimeColumn('answered_at', true)
  answeredAt!: Date | null;

  @Column({ name: 'answered_by_default', type: 'boolean' })
  answeredByDefault!: boolean;

  @TimeColumn('created_at')
  createdAt!: Date;
}
