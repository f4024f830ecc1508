import type { ProviderCode, ProviderSessionState } from '@autobuy/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../database/columns';

@Entity('provider_sessions')
export class ProviderSessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'provider_code', type: 'varchar', length: 16 })
  provider!: ProviderCode;

  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId!: string;

  @Column({ type: 'varchar', length: 64 })
  nickname!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: ProviderSessionState;

  @Column({ name: 'state_reason', type: 'varchar', length: 500, nullable: true })
  stateReason!: string | null;

  /** The session snapshot (cookies, localStorage) sealed by the vault; null once revoked. */
  @Column({ name: 'snapshot_sealed', type: 'text', nullable: true })
  snapshotSealed!: string | null;

  @TimeColumn('last_checked_at', true)
  lastCheckedAt!: Date | null;

  @TimeColumn('last_sync_at', true)
  lastSyncAt!: Date | null;

  @TimeColumn('created_at')
  createdAt!: Date;

  @TimeColumn('updated_at')
  updatedAt!: Date;
}
