import type { ProviderSessionDto } from '@autobuy/contracts';

import type { ProviderAccountEntity } from '../providers/entities/provider-account.entity';
import type { ProviderSessionEntity } from './provider-session.entity';

export function toSessionDto(
  session: ProviderSessionEntity,
  account: Pick<ProviderAccountEntity, 'login'>,
): ProviderSessionDto {
  return {
    id: session.id,
    provider: session.provider,
    accountId: session.accountId,
    accountLogin: account.login,
    nickname: session.nickname,
    state: session.state,
    stateReason: session.stateReason,
    lastCheckedAt: session.lastCheckedAt?.toISOString() ?? null,
    lastSyncAt: session.lastSyncAt?.toISOString() ?? null,
    createdAt: session.createdAt.toISOString(),
  };
}
