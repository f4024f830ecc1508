import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { ActivitiesModule } from '../activities';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { LoginSessionsService } from '../auth/login-sessions.service';
import { createValidationPipe } from '../common/http/validation';
import type { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { HealthModule } from '../health/health.module';
import { OrderBindingModule, WorkflowHandlers } from '../order-binding';
import { OrdersModule } from '../orders/orders.module';
import { ProvidersModule } from '../providers/providers.module';
import { SeedModule } from '../seed/seed.module';
import { LoginHandler } from '../sessions/login.handler';
import { OperatorLiveAuthenticator } from '../sessions/operator-live-authenticator';
import { SessionsModule } from '../sessions/sessions.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { HttpErrorFilter } from './http-error.filter';

@Module({})
export class AppModule {
  /** The data source arrives migrated; Nest only borrows it (and closes it on shutdown). */
  static register(config: AppConfig, dataSource: DataSource): DynamicModule {
    // Global, so every workflow module can start activities through the one engine.
    const activities: DynamicModule = {
      ...ActivitiesModule.register({
        role: config.role,
        redisUrl: config.redisUrl,
        queuePrefix: config.redisPrefix,
        allowedOrigins: config.corsOrigins,
        imports: [AuthModule, SessionsModule, OrderBindingModule],
        handlers: {
          inject: [LoginHandler, WorkflowHandlers],
          useFactory: (login: LoginHandler, workflows: WorkflowHandlers) => [
            login.handler,
            ...workflows.all(),
          ],
        },
        liveAuthenticator: {
          inject: [LoginSessionsService],
          useFactory: (sessions: LoginSessionsService) => new OperatorLiveAuthenticator(sessions),
        },
      }),
      global: true,
    };

    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: () => Promise.resolve(dataSource),
        }),
        AuthModule,
        ProvidersModule,
        OrdersModule,
        AuditModule,
        activities,
        SessionsModule,
        OrderBindingModule,
        HealthModule,
        SeedModule,
        WebhooksModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
