import type { ProviderAccountDto, ProviderDto, WarehouseProfileDto } from '@autobuy/contracts';

import type { ProviderAccountEntity } from './entities/provider-account.entity';
import type { ProviderEntity } from './entities/provider.entity';
import type { WarehouseProfileEntity } from './entities/warehouse-profile.entity';

export function toProviderDto(provider: ProviderEntity): ProviderDto {
  return {
    code: provider.code,
    name: provider.name,
    enabled: provider.enabled,
    loginKind: provider.loginKind,
    needsWarehouse: provider.needsWarehouse,
    priceTolerancePercent: provider.priceTolerancePercent,
  };
}

export function toAccountDto(account: ProviderAccountEntity): ProviderAccountDto {
  return {
    id: account.id,
    provider: account.provider,
    login: account.login,
    note: account.note,
    enabled: account.enabled,
    createdAt: account.createdAt.toISOString(),
  };
}

export function toWarehouseDto(profile: WarehouseProfileEntity): WarehouseProfileDto {
  return {
    recipientName: profile.recipientName,
    mobilePhone: profile.mobilePhone,
    regionCode: profile.regionCode,
    zipCode: profile.zipCode,
    address: profile.address,
  };
}
