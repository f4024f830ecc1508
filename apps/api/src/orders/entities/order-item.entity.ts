import type { Currency, ItemPurchaseState, ProviderCode } from '@autobuy/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { TimeColumn } from '../../database/columns';
import { ProviderAccountEntity } from '../../providers/entities/provider-account.entity';

@Entity('order_items')
export class OrderItemEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'order_id', type: 'varchar', length: 36 })
  orderId!: string;

  /** Keeps the integrator's line order. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'external_id', type: 'varchar', length: 100 })
  externalId!: string;

  @Column({ name: 'provider_code', type: 'varchar', length: 16 })
  provider!: ProviderCode;

  @Column({ name: 'provider_item_id', type: 'varchar', length: 64 })
  providerItemId!: string;

  @Column({ name: 'sku_id', type: 'varchar', length: 64, nullable: true })
  skuId!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  configuration!: string | null;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  /** A decimal kept as a string so no engine rounds it. */
  @Column({ name: 'unit_price', type: 'varchar', length: 32 })
  unitPrice!: string;

  @Column({ type: 'varchar', length: 3 })
  currency!: Currency;

  @Column({ name: 'seller_id', type: 'varchar', length: 64 })
  sellerId!: string;

  @Column({ name: 'seller_name', type: 'varchar', length: 200 })
  sellerName!: string;

  @Column({ name: 'is_tmall', type: 'boolean' })
  isTmall!: boolean;

  @Column({ name: 'picture_url', type: 'varchar', length: 1000, nullable: true })
  pictureUrl!: string | null;

  @Column({ name: 'item_url', type: 'varchar', length: 1000, nullable: true })
  itemUrl!: string | null;

  @Column({ type: 'varchar', length: 16 })
  state!: ItemPurchaseState;

  @Column({ name: 'state_reason', type: 'varchar', length: 500, nullable: true })
  stateReason!: string | null;

  @Column({ name: 'provider_order_number', type: 'varchar', length: 64, nullable: true })
  providerOrderNumber!: string | null;

  @Column({ name: 'tracking_number', type: 'varchar', length: 64, nullable: true })
  trackingNumber!: string | null;

  @Column({ name: 'account_id', type: 'varchar', length: 36, nullable: true })
  accountId!: string | null;

  @ManyToOne(() => ProviderAccountEntity, { nullable: true })
  @JoinColumn({ name: 'account_id' })
  account?: ProviderAccountEntity | null;

  @TimeColumn('created_at')
  createdAt!: Date;

  @TimeColumn('updated_at')
  updatedAt!: Date;
}
