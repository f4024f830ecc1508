import type {
  ActivityCounters,
  ActivityItemStates,
  ActivityKind,
  ActivityState,
} from '@autobuy/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../../database/columns';
import { epochMs } from './epoch-ms';

@Entity('activities')
export class ActivityEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: ActivityKind | string;

  @Column({ type: 'varchar', length: 32 })
  state!: ActivityState;

  @Column({ name: 'account_id', type: 'varchar', length: 36, nullable: true })
  accountId!: string | null;

  @Column({ name: 'order_id', type: 'varchar', length: 36, nullable: true })
  orderId!: string | null;

  @Column({ name: 'started_by', type: 'varchar', length: 100, nullable: true })
  startedBy!: string | null;

  @Column({ type: 'varchar', length: 500 })
  summary!: string;

  @Column({ type: 'simple-json' })
  input!: Record<string, unknown>;

  @Column({ type: 'simple-json' })
  counters!: ActivityCounters;

  @Column({ name: 'item_states', type: 'simple-json' })
  itemStates!: ActivityItemStates;

  /** The checkpoint: the step to run next and the handler's state when it was committed. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  step!: string | null;

  @Column({ name: 'step_state', type: 'simple-json', nullable: true })
  stepState!: unknown;

  @Column({ name: 'failed_step', type: 'varchar', length: 64, nullable: true })
  failedStep!: string | null;

  /** The question whose answer the checkpointed step is waiting to read. */
  @Column({ name: 'pending_question_id', type: 'varchar', length: 36, nullable: true })
  pendingQuestionId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'cancel_requested', type: 'boolean' })
  cancelRequested!: boolean;

  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq!: number;

  /** The run holding the activity and until when; a crashed run's lease simply expires. */
  @Column({ name: 'runner_token', type: 'varchar', length: 36, nullable: true })
  runnerToken!: string | null;

  @Column({ name: 'lease_expires_ms', type: 'bigint', nullable: true, transformer: epochMs })
  leaseExpiresMs!: number | null;

  @TimeColumn('created_at')
  createdAt!: Date;

  @TimeColumn('updated_at')
  updatedAt!: Date;

  @TimeColumn('started_at', true)
  startedAt!: Date | null;

  @TimeColumn('finished_at', true)
  finishedAt!: Date | null;
}
