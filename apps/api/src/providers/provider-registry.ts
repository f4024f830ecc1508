import type { ProviderCode, ProviderDto } from '@autobuy/contracts';

type ProviderDefaults = Omit<ProviderDto, 'code'>;

/** What a fresh install knows about each provider; admins change `enabled` and tolerance. */
export const PROVIDER_DEFAULTS: Record<ProviderCode, ProviderDefaults> = {
  sandbox: {
    name: 'Sandbox',
    enabled: true,
    loginKind: 'browser',
    needsWarehouse: true,
    priceTolerancePercent: 0,
  },
  taobao: {
    name: 'Taobao',
    enabled: false,
    loginKind: 'browser',
    needsWarehouse: true,
    priceTolerancePercent: 0,
  },
  kitmall: {
    name: 'Kitmall',
    enabled: false,
    loginKind: 'api-key',
    needsWarehouse: false,
    priceTolerancePercent: 0,
  },
};
