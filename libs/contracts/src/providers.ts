export const PROVIDER_CODES = ['sandbox', 'taobao', 'kitmall'] as const;
export type ProviderCode = (typeof PROVIDER_CODES)[number];

export interface ProviderDto {
  code: ProviderCode;
  name: string;
  enabled: boolean;
  /** Browser-driven providers log in through the popup; API providers use an API key. */
  loginKind: 'browser' | 'api-key';
  /** Whether reservations need a warehouse profile (Taobao-style providers do). */
  needsWarehouse: boolean;
  /** A price change up to this percentage is accepted without asking the operator. */
  priceTolerancePercent: number;
}

export interface UpdateProviderRequest {
  enabled?: boolean;
  priceTolerancePercent?: number;
}

export interface ProviderAccountDto {
  id: string;
  provider: ProviderCode;
  /** The buyer account's nickname on the provider (a phone number is not a login). */
  login: string;
  note: string | null;
  enabled: boolean;
  createdAt: string;
}

export interface CreateProviderAccountRequest {
  provider: ProviderCode;
  login: string;
  note?: string;
  /** Only for API providers (Kitmall): the account's API key, stored encrypted. */
  apiKey?: string;
}

export interface UpdateProviderAccountRequest {
  note?: string;
  enabled?: boolean;
}

/** Where parcels go, written in Chinese, as the provider's checkout expects it. */
export interface WarehouseProfileDto {
  recipientName: string;
  mobilePhone: string;
  regionCode: string;
  zipCode: string;
  /** The address without the parts the region already names. */
  address: string;
}
