import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { createActivitiesEngine } from './activities-engine';
import { ActivitiesLifecycle } from './activities.lifecycle';
import {
  ACTIVITIES_ENGINE,
  ACTIVITIES_OPTIONS,
  type ActivitiesModuleOptions,
} from './activities.tokens';
import type { ActivityHandler } from './handlers/activity-handler';
import { ActivitiesController } from './http/activities.controller';
import { ActivitiesGateway } from './live/activities.gateway';
import { LIVE_AUTHENTICATOR } from './live/live-authenticator';
import { BullMqQueue } from './queue/bullmq-queue';
import { InProcessQueue } from './queue/in-process-queue';

const HANDLERS = Symbol('ACTIVITY_HANDLERS');

/**
 * The activities engine as a Nest module. Needs TypeORM's `DataSource` (with
 * ACTIVITY_ENTITIES and ACTIVITY_MIGRATIONS) from the app; exports the engine for the modules
 * that start activities (`engine.service.start`) and read metrics (`engine.metrics`).
 */
@Module({})
export class ActivitiesModule {
  static register(options: ActivitiesModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: ACTIVITIES_OPTIONS, useValue: options },
      {
        provide: HANDLERS,
        inject: options.handlers.inject ?? [],
        useFactory: options.handlers.useFactory,
      },
      {
        provide: LIVE_AUTHENTICATOR,
        inject: options.liveAuthenticator.inject ?? [],
        useFactory: options.liveAuthenticator.useFactory,
      },
      {
        provide: ACTIVITIES_ENGINE,
        inject: [DataSource, HANDLERS],
        useFactory: (dataSource: DataSource, handlers: ActivityHandler[]) =>
          createActivitiesEngine(dataSource, {
            handlers,
            requiredKinds: options.requiredKinds,
            driver: options.redisUrl
              ? new BullMqQueue({ redisUrl: options.redisUrl, prefix: options.queuePrefix })
              : new InProcessQueue(),
            leaseTtlMs: options.leaseTtlMs,
            sweepIntervalMs: options.sweepIntervalMs,
          }),
      },
      ActivitiesLifecycle,
    ];
    if (options.role !== 'worker') {
      providers.push(ActivitiesGateway);
    }

    return {
      module: ActivitiesModule,
      imports: options.imports ?? [],
      controllers: options.role === 'worker' ? [] : [ActivitiesController],
      providers,
      exports: [ACTIVITIES_ENGINE],
    };
  }
}
