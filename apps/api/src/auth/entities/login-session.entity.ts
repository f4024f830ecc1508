import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../../database/columns';

/** A browser's login; the cookie holds a random token, only its SHA-256 is stored here. */
@Entity('login_sessions')
export class LoginSessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'operator_id', type: 'varchar', length: 36 })
  operatorId!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @TimeColumn('created_at')
  createdAt!: Date;

  @TimeColumn('last_seen_at')
  lastSeenAt!: Date;

  @TimeColumn('expires_at')
  expiresAt!: Date;

  @TimeColumn('revoked_at', true)
  revokedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent!: string | null;
}
