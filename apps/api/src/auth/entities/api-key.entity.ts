import type { ApiKeyScope } from '@autobuy/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../../database/columns';

/** An integrator's key; only its SHA-256 is stored, the raw key is shown once at creation. */
@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash!: string;

  @Column({ type: 'simple-array' })
  scopes!: ApiKeyScope[];

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @TimeColumn('created_at')
  createdAt!: Date;

  @TimeColumn('last_used_at', true)
  lastUsedAt!: Date | null;

  @TimeColumn('revoked_at', true)
  revokedAt!: Date | null;
}
