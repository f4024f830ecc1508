import type { ProviderCode } from '@autobuy/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../../database/columns';

@Entity('warehouse_profiles')
export class WarehouseProfileEntity {
  @PrimaryColumn({ name: 'provider_code', type: 'varchar', length: 16 })
  provider!: ProviderCode;

  @Column({ name: 'recipient_name', type: 'varchar', length: 64 })
  recipientName!: string;

  @Column({ name: 'mobile_phone', type: 'varchar', length: 32 })
  mobilePhone!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 16 })
  regionCode!: string;

  @Column({ name: 'zip_code', type: 'varchar', length: 16 })
  zipCode!: string;

  @Column({ type: 'varchar', length: 500 })
  address!: string;

  @TimeColumn('updated_at')
  updatedAt!: Date;
}
