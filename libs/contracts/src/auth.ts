export const OPERATOR_ROLES = ['admin', 'operator', 'viewer'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** What an integrator's API key may do. `read` covers every GET. */
export const API_KEY_SCOPES = ['read', 'orders:write', 'purchases:write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Header carrying an integrator API key. */
export const API_KEY_HEADER = 'x-api-key';

/** Name of the cookie holding an operator's login session. */
export const SESSION_COOKIE = 'autobuy_session';

export interface OperatorDto {
  id: string;
  login: string;
  role: OperatorRole;
  disabled: boolean;
  createdAt: string;
}

export interface LoginRequest {
  login: string;
  password: string;
}

export interface MeDto {
  operator: OperatorDto;
  /** The id of the current login session (for listing and revoking sessions). */
  sessionId: string;
}

export interface LoginSessionDto {
  id: string;
  operatorId: string;
  operatorLogin: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  revokedAt: string | null;
}

export interface CreateOperatorRequest {
  login: string;
  password: string;
  role: OperatorRole;
}

export interface UpdateOperatorRequest {
  role?: OperatorRole;
  disabled?: boolean;
  password?: string;
}

export interface ApiKeyDto {
  id: string;
  name: string;
  /** The first characters of the key, so an admin can tell keys apart; never the whole key. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreateApiKeyRequest {
  name: string;
  scopes: ApiKeyScope[];
}

/** Returned once, at creation: `key` is never shown again. */
export interface CreatedApiKeyDto extends ApiKeyDto {
  key: string;
}
