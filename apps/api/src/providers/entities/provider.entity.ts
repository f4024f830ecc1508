import type { ProviderCode, ProviderDto } from '@autobuy/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../../database/columns';

@Entity('providers')
export class ProviderEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code!: ProviderCode;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ name: 'login_kind', type: 'varchar', length: 16 })
  loginKind!: ProviderDto['loginKind'];

  @Column({ name: 'needs_warehouse', type: 'boolean' })
  needsWarehouse!: boolean;

  @Column({ name: 'price_tolerance_percent', type: 'integer' })
  priceTolerancePercent!: number;

  @TimeColumn('updated_at')
  updatedAt!: Date;
}
