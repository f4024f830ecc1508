import {
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
  type CustomDecorator,
} from '@nestjs/common';
import type { ApiKeyScope, OperatorRole } from '@autobuy/contracts';

import { AuthError, AuthErrorCode } from './auth.error';
import type { AuthenticatedRequest, Principal } from './principal';

export const PUBLIC_KEY = 'autobuy:public';
export const ROLES_KEY = 'autobuy:roles';
export const SCOPES_KEY = 'autobuy:scopes';

export const ANY_ROLE: OperatorRole[] = ['admin', 'operator', 'viewer'];
export const WRITER_ROLES: OperatorRole[] = ['admin', 'operator'];
export const ADMIN_ONLY: OperatorRole[] = ['admin'];

/** The route needs no credentials (login and health only). */
export const Public = (): CustomDecorator => SetMetadata(PUBLIC_KEY, true);

/**
 * Operator roles allowed on the route. A route without `@Roles` is closed to every operator:
 * the guard fails closed so a forgotten decorator never opens a route.
 */
export const Roles = (...roles: OperatorRole[]): CustomDecorator => SetMetadata(ROLES_KEY, roles);

/** API-key scopes allowed on the route (any one suffices); without it API keys are refused. */
export const Scopes = (...scopes: ApiKeyScope[]): CustomDecorator =>
  SetMetadata(SCOPES_KEY, scopes);

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) {
      throw new AuthError(AuthErrorCode.Unauthenticated, 'Log in or send an API key');
    }

    return principal;
  },
);
