import type { ApiKeyDto, LoginSessionDto, OperatorDto } from '@autobuy/contracts';

import type { ApiKeyEntity } from './entities/api-key.entity';
import type { LoginSessionEntity } from './entities/login-session.entity';
import type { OperatorEntity } from './entities/operator.entity';

export function toOperatorDto(operator: OperatorEntity): OperatorDto {
  return {
    id: operator.id,
    login: operator.login,
    role: operator.role,
    disabled: operator.disabled,
    createdAt: operator.createdAt.toISOString(),
  };
}

export function toLoginSessionDto(session: LoginSessionEntity, login: string): LoginSessionDto {
  return {
    id: session.id,
    operatorId: session.operatorId,
    operatorLogin: login,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    ip: session.ip,
    userAgent: session.userAgent,
    revokedAt: session.revokedAt?.toISOString() ?? null,
  };
}

export function toApiKeyDto(key: ApiKeyEntity): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
