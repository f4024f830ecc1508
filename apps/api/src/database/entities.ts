import { ACTIVITY_ENTITIES } from '../activities';
import { ApiKeyEntity } from '../auth/entities/api-key.entity';
import { LoginSessionEntity } from '../auth/entities/login-session.entity';
import { OperatorEntity } from '../auth/entities/operator.entity';
import { AuditLogEntity } from '../audit/audit-log.entity';
import { OrderItemEntity } from '../orders/entities/order-item.entity';
import { OrderEntity } from '../orders/entities/order.entity';
import { ORDER_BINDING_ENTITIES } from '../order-binding/entities';
import { ProviderAccountEntity } from '../providers/entities/provider-account.entity';
import { ProviderEntity } from '../providers/entities/provider.entity';
import { ProviderSessionEntity } from '../sessions/provider-session.entity';
import { WarehouseProfileEntity } from '../providers/entities/warehouse-profile.entity';
import { WEBHOOK_ENTITIES } from '../webhooks/entities';

export const ENTITIES = [
  OperatorEntity,
  LoginSessionEntity,
  ApiKeyEntity,
  ProviderEntity,
  ProviderAccountEntity,
  WarehouseProfileEntity,
  OrderEntity,
  OrderItemEntity,
  AuditLogEntity,
  ...ACTIVITY_ENTITIES,
  ProviderSessionEntity,
  ...ORDER_BINDING_ENTITIES,
  ...WEBHOOK_ENTITIES,
];
