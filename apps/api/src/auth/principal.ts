import type { Request } from 'express';

import type { ApiKeyEntity } from './entities/api-key.entity';
import type { LoginSessionEntity } from './entities/login-session.entity';
import type { OperatorEntity } from './entities/operator.entity';

/** Who is making a request: an operator through a login session, or an integrator's key. */
export type Principal =
  | { kind: 'operator'; operator: OperatorEntity; session: LoginSessionEntity }
  | { kind: 'api_key'; apiKey: ApiKeyEntity };

export type AuthenticatedRequest = Request & { principal?: Principal };

export function clientIp(request: Request): string | null {
  return request.ip ?? request.socket.remoteAddress ?? null;
}

export function userAgent(request: Request): string | null {
  const agent = request.headers['user-agent'];

  return agent ? agent.slice(0, 512) : null;
}
