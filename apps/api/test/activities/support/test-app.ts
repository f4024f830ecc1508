import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  Global,
  type INestApplication,
  Module,
} from '@nestjs/common';
import { APP_FILTER, APP_PIPE, NestFactory } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';

import { HttpErrorFilter } from '../../../src/app/http-error.filter';
import { createValidationPipe } from '../../../src/common/http/validation';
import {
  ACTIVITIES_ENGINE,
  type ActivitiesEngine,
  ActivitiesModule,
  ActivityError,
  activityErrorToHttp,
  type LiveAuthenticator,
  type ProcessRole,
} from '../../../src/activities';
import { TEST_HANDLERS, TEST_KINDS } from './test-handlers';

export const ALLOWED_ORIGIN = 'http://admin.test';
export const GOOD_TOKEN = 'operator-anna-session';

/** Stands in for the app's session check: one known token is operator Anna. */
export const tokenAuthenticator: LiveAuthenticator = {
  authenticate: async (handshake) =>
    handshake.auth.token === GOOD_TOKEN ? { operatorId: 'operator-anna' } : null,
};

// Maps ActivityError the way the app's filter is meant to, and defers everything else to it.
@Catch()
class ActivityAwareErrorFilter implements ExceptionFilter {
  private readonly appFilter = new HttpErrorFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof ActivityError) {
      const { status, code } = activityErrorToHttp(exception);
      const body = exception.details
        ? { code, message: exception.message, details: exception.details }
        : { code, message: exception.message };
      response.status(status).json(body);

      return;
    }
    this.appFilter.catch(exception, host);
  }
}

export interface TestApp {
  app: INestApplication;
  url: string;
  engine: ActivitiesEngine;
}

/** The activities module in a real Nest HTTP + Socket.IO server on a random port. */
export async function startTestApp(
  dataSource: DataSource,
  options: { role?: ProcessRole; redisUrl?: string | null; queuePrefix?: string } = {},
): Promise<TestApp> {
  @Global()
  @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
  class TestDataModule {}

  @Module({
    imports: [
      TestDataModule,
      ActivitiesModule.register({
        role: options.role ?? 'all',
        redisUrl: options.redisUrl ?? null,
        allowedOrigins: [ALLOWED_ORIGIN],
        handlers: { useFactory: () => TEST_HANDLERS },
        liveAuthenticator: { useFactory: () => tokenAuthenticator },
        requiredKinds: TEST_KINDS,
        leaseTtlMs: 3_000,
        sweepIntervalMs: 0,
        queuePrefix: options.queuePrefix ?? `test-live-${Date.now()}`,
      }),
    ],
    providers: [
      { provide: APP_FILTER, useClass: ActivityAwareErrorFilter },
      { provide: APP_PIPE, useFactory: createValidationPipe },
    ],
  })
  class TestAppModule {}

  const app = await NestFactory.create(TestAppModule, { logger: ['error'] });
  // The app's AuthGuard puts the principal on the request; here every request is Anna's.
  app.use((request: Request & { principal?: unknown }, _response: Response, next: NextFunction) => {
    request.principal = { kind: 'operator', operator: { login: 'anna', role: 'operator' } };
    next();
  });
  app.setGlobalPrefix('api/v1');
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };

  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    engine: app.get<ActivitiesEngine>(ACTIVITIES_ENGINE),
  };
}
