import { ACTIVITY_MIGRATIONS } from '../../activities';
import { Foundation1764777600000 } from './1764777600000-foundation';
import { ProviderSessions1765000000000 } from './1765000000000-provider-sessions';
import { OrderBinding1765200000000 } from './1765200000000-order-binding';
import { Webhooks1765500000000 } from './1765500000000-webhooks';
import { LoginFailures1765600000000 } from './1765600000000-login-failures';

/** Every migration in order; later issues append here. */
export const MIGRATIONS = [
  Foundation1764777600000,
  ...ACTIVITY_MIGRATIONS,
  ProviderSessions1765000000000,
  OrderBinding1765200000000,
  Webhooks1765500000000,
  LoginFailures1765600000000,
];
