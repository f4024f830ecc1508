import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';

import type { ActivitiesEngine } from './activities-engine';
import {
  ACTIVITIES_ENGINE,
  ACTIVITIES_OPTIONS,
  type ActivitiesModuleOptions,
} from './activities.tokens';
import { WorkerRelay } from './live/worker-relay';

/** Starts the worker part in the `all` and `worker` roles, and stops the queue on shutdown. */
@Injectable()
export class ActivitiesLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Activities');
  private relay: WorkerRelay | null = null;

  constructor(
    @Inject(ACTIVITIES_ENGINE) private readonly engine: ActivitiesEngine,
    @Inject(ACTIVITIES_OPTIONS) private readonly options: ActivitiesModuleOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { role, redisUrl } = this.options;
    if (role === 'worker' && redisUrl) {
      this.relay = new WorkerRelay(this.engine, redisUrl);
      await this.relay.start();
    }
    if (role !== 'api') {
      await this.engine.worker.start();
    } else {
      this.logger.log('API role: activities are queued here and run by worker processes');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.engine.worker.stop();
    await this.relay?.stop();
  }
}
