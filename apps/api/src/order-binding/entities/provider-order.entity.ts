import type { ProviderCode } from '@autobuy/contracts';
import type { ProviderOrderStatus } from '@autobuy/provider-adapters';
import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../../database/columns';

/** An order on a provider as we last saw it; one row per provider and order number. */
@Entity('provider_orders')
export class ProviderOrderEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'provider_code', type: 'varchar', length: 16 })
  provider!: ProviderCode;

  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId!: string;

  @Column({ name: 'order_number', type: 'varchar', length: 64 })
  orderNumber!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ProviderOrderStatus;

  /** The provider's own status code, kept for support. */
  @Column({ name: 'provider_status', type: 'varchar', length: 64, nullable: true })
  providerStatus!: string | null;

  @Column({ name: 'seller_id', type: 'varchar', length: 64, nullable: true })
  sellerId!: string | null;

  @Column({ name: 'seller_name', type: 'varchar', length: 200, nullable: true })
  sellerName!: string | null;

  @Column({ name: 'tracking_number', type: 'varchar', length: 64, nullable: true })
  trackingNumber!: string | null;

  /** Decimal string in CNY, postage included. */
  @Column({ name: 'total_fee', type: 'varchar', length: 32, nullable: true })
  totalFee!: string | null;

  @Column({ name: 'post_fee', type: 'varchar', length: 32, nullable: true })
  postFee!: string | null;

  /** When the provider last showed us this order. */
  @TimeColumn('seen_at')
  seenAt!: Date;

  @TimeColumn('created_at')
  createdAt!: Date;

  @TimeColumn('updated_at')
  updatedAt!: Date;
}
