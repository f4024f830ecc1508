import type { ApiKeyScope } from '@autobuy/contracts';

/**
 * The routes each API-key scope opens, written out by hand: a route gaining or losing a scope
 * must change this list on purpose. Every other route answers such a key with 403.
 */
export const OPENED_BY_SCOPE: Record<ApiKeyScope, string[]> = {
  read: [
    'GET /api/v1/providers',
    'GET /api/v1/providers/:code/warehouse-profile',
    'GET /api/v1/accounts',
    'GET /api/v1/orders',
    'GET /api/v1/orders/:id',
    'GET /api/v1/sessions',
    'GET /api/v1/activities',
    'GET /api/v1/activities/:id',
    'GET /api/v1/activities/:id/events',
    'GET /api/v1/metrics',
  ],
  'orders:write': ['POST /api/v1/orders'],
  'purchases:write': [
    'POST /api/v1/activities/:id/answers',
    'POST /api/v1/activities/:id/cancel',
    'POST /api/v1/activities/:id/retry',
    'POST /api/v1/reservations',
    'POST /api/v1/unbindings',
    'POST /api/v1/bindings',
    'POST /api/v1/sessions/:id/sync',
  ],
};

/** Routes anyone may call. */
export const PUBLIC_ROUTES = new Set([
  'POST /api/v1/auth/login',
  'GET /api/v1/health/live',
  'GET /api/v1/health/ready',
]);
