import { Column, Entity, PrimaryColumn } from 'typeorm';

import { epochMs } from './epoch-ms';

/**
 * One row per provider account that has a running activity: the primary key is what makes
 * "one running activity per account" hold across processes.
 */
@Entity('activity_leases')
export class ActivityLeaseEntity {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 36 })
  accountId!: string;

  @Column({ name: 'activity_id', type: 'varchar', length: 36 })
  activityId!: string;

  @Column({ name: 'runner_token', type: 'varchar', length: 36 })
  runnerToken!: string;

  @Column({ name: 'expires_ms', type: 'bigint', transformer: epochMs })
  expiresMs!: number;
}
