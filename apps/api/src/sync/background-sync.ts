import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import {
  PROVIDER_ACCESS,
  type WorkflowProviderAccess,
} from '../order-binding/provider-access.port';
import { SyncService } from './sync.service';

/**
 * Every `syncIntervalMs`, starts a sync for each active session. Expired sessions are not in
 * `activeSessions()`, so their background sync pauses until the operator logs in again. Runs in
 * processes that work activities (`all`, `worker`); an API-only process leaves it to them.
 */
@Injectable()
export class BackgroundSync implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BackgroundSync.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PROVIDER_ACCESS) private readonly access: WorkflowProviderAccess,
    private readonly sync: SyncService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') {
      return;
    }

    this.timer = setInterval(() => void this.tick(), this.config.syncIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** One round: a sync per active session; a round still running makes the next one wait. */
  async tick(): Promise<number> {
    if (this.running) {
      return 0;
    }

    this.running = true;
    let started = 0;
    try {
      for (const session of await this.access.activeSessions()) {
        await this.sync.start(session, null);
        started++;
      }
    } catch (error) {
      this.logger.warn(`Background sync could not start: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }

    return started;
  }
}
