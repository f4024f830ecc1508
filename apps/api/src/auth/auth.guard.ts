import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  API_KEY_HEADER,
  SESSION_COOKIE,
  type ApiKeyScope,
  type OperatorRole,
} from '@autobuy/contracts';

import { ApiKeysService } from './api-keys.service';
import { AuthError, AuthErrorCode } from './auth.error';
import { PUBLIC_KEY, ROLES_KEY, SCOPES_KEY } from './decorators';
import { LoginSessionsService } from './login-sessions.service';
import type { AuthenticatedRequest, Principal } from './principal';

/**
 * Global guard: every route needs a login session or an API key unless marked `@Public()`.
 * Operators pass by `@Roles`, API keys by `@Scopes`; a route naming neither is closed to both.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: LoginSessionsService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }

    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (isPublic) {
      return true;
    }

    const principal = await this.authenticate(request);
    if (!principal) {
      throw new AuthError(
        AuthErrorCode.Unauthenticated,
        'Log in, or send an integrator API key in the X-Api-Key header',
      );
    }
    request.principal = principal;

    if (principal.kind === 'operator') {
      const roles = this.reflector.getAllAndOverride<OperatorRole[]>(ROLES_KEY, targets) ?? [];
      if (!roles.includes(principal.operator.role)) {
        throw new AuthError(
          AuthErrorCode.Forbidden,
          `The ${principal.operator.role} role may not do this`,
        );
      }

      return true;
    }

    const scopes = this.reflector.getAllAndOverride<ApiKeyScope[]>(SCOPES_KEY, targets) ?? [];
    if (!scopes.some((scope) => principal.apiKey.scopes.includes(scope))) {
      throw new AuthError(
        AuthErrorCode.Forbidden,
        scopes.length === 0
          ? 'API keys cannot use this route; an admin has to log in'
          : `This API key needs the scope ${scopes.join(' or ')}`,
      );
    }

    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Principal | null> {
    const cookies = request.cookies as Record<string, string> | undefined;
    const token = cookies?.[SESSION_COOKIE];
    if (token) {
      const found = await this.sessions.authenticate(token);
      if (found) {
        return { kind: 'operator', ...found };
      }
    }

    const header = request.headers[API_KEY_HEADER];
    const raw = Array.isArray(header) ? header[0] : header;
    if (raw) {
      const apiKey = await this.apiKeys.authenticate(raw.trim());
      if (apiKey) {
        return { kind: 'api_key', apiKey };
      }
    }

    return null;
  }
}
