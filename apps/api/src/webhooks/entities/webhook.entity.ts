import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../../database/columns';

/** A receiver of events; its signing secret is sealed with the secret box, never stored plain. */
@Entity('webhooks')
export class WebhookEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'simple-array' })
  events!: string[];

  @Column({ name: 'secret_sealed', type: 'text' })
  secretSealed!: string;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @TimeColumn('created_at')
  createdAt!: Date;

  @TimeColumn('updated_at')
  updatedAt!: Date;
}
