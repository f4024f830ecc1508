import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';

import { clientIp, userAgent, type AuthenticatedRequest } from '../auth/principal';
import { DomainError } from '../common/errors/domain-error';
import { auditDetails, auditTarget } from './audit-details';
import { AuditService, type AuditRecord } from './audit.service';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Writes one audit row for every write request that reached a handler, failed or not. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (context.getType() !== 'http' || READS.has(request.method)) {
      return next.handle();
    }

    return next.handle().pipe(
      mergeMap((value) => from(this.write(request, 'ok', value).then(() => value))),
      catchError((error: unknown) => {
        const outcome =
          error instanceof DomainError ? String(error.code) : (error as Error).name || 'error';

        return from(this.write(request, outcome)).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }

  private async write(
    request: AuthenticatedRequest,
    outcome: string,
    answer?: unknown,
  ): Promise<void> {
    const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
    const params = request.params as Record<string, string>;
    const principal = request.principal;
    const body = request.body as Record<string, unknown> | undefined;
    const attemptedLogin = typeof body?.login === 'string' ? body.login.slice(0, 64) : null;
    const actor: Pick<AuditRecord, 'actorType' | 'actorId' | 'actorLabel'> =
      principal?.kind === 'operator'
        ? {
            actorType: 'operator',
            actorId: principal.operator.id,
            actorLabel: principal.operator.login,
          }
        : principal?.kind === 'api_key'
          ? {
              actorType: 'api_key',
              actorId: principal.apiKey.id,
              actorLabel: principal.apiKey.name,
            }
          : { actorType: 'anonymous', actorId: null, actorLabel: attemptedLogin };

    try {
      await this.audit.record({
        ...actor,
        action: `${request.method} ${route}`,
        target: auditTarget(params ?? {}, body, answer),
        outcome,
        ip: clientIp(request),
        userAgent: userAgent(request),
        details: auditDetails(body, answer) ?? undefined,
      });
    } catch (error) {
      // The change itself is already done; losing its audit row must not turn it into an error.
      this.logger.error(`Could not write the audit row for ${request.method} ${route}`, error);
    }
  }
}
