import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../database/columns';

export type AuditActorType = 'operator' | 'api_key' | 'anonymous' | 'system';

/** Who did what, when and from where: one row per write through the API. */
@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @TimeColumn('occurred_at')
  occurredAt!: Date;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType!: AuditActorType;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_label', type: 'varchar', length: 100, nullable: true })
  actorLabel!: string | null;

  @Column({ type: 'varchar', length: 200 })
  action!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  target!: string | null;

  @Column({ type: 'varchar', length: 64 })
  outcome!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent!: string | null;

  @Column({ type: 'text', nullable: true })
  details!: string | null;
}
