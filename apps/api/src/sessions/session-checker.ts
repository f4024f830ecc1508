import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { ProviderSessionDto } from '@autobuy/contracts';
import { isProviderError, withJob } from '@autobuy/provider-adapters';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ProviderAccess } from './provider-access';

export type CheckOutcome = 'alive' | 'expired' | 'unreachable';

const EXPIRED_REASON =
  'The provider no longer accepts this login (it expired or was logged out elsewhere); ' +
  'log in again';

/**
 * Checks every active session on an interval and keeps it alive: a page load refreshes the
 * provider's cookies, which are stored again; a session the provider dropped becomes `expired`
 * and leaves `activeSessions()`, so its background sync pauses. Runs in the worker roles.
 */
@Injectable()
export class SessionChecker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SessionChecker');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: ProviderAccess,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') {
      return;
    }
    this.timer = setInterval(() => {
      if (!this.running) {
        this.running = this.checkAll().finally(() => {
          this.running = null;
        });
      }
    }, this.config.sessionCheckIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
    }
    await this.running;
  }

  /** One round over every active session, one at a time (a browser context each). */
  async checkAll(): Promise<Record<string, CheckOutcome>> {
    const outcomes: Record<string, CheckOutcome> = {};
    for (const session of await this.access.activeSessions()) {
      outcomes[session.id] = await this.check(session);
    }

    return outcomes;
  }

  async check(session: ProviderSessionDto): Promise<CheckOutcome> {
    try {
      const { access } = await this.access.accountAccess(session.id);
      const adapter = this.access.adapterFor(session.provider);
      const result = await withJob(adapter, access, async (job) => {
        const check = await job.checkSession();

        return { check, snapshot: check.loggedIn ? await job.exportSession() : null };
      });
      if (!result.check.loggedIn) {
        await this.access.markExpired(session.id, EXPIRED_REASON);
        this.logger.log(`Session ${session.id} of ${session.accountLogin} expired`);

        return 'expired';
      }

      if (result.snapshot) {
        await this.access.storeSnapshot(session.id, result.snapshot);
      }
      await this.access.recordCheck(session.id);

      return 'alive';
    } catch (error) {
      // A provider that is down says nothing about the session; the next round tries again.
      const why = isProviderError(error) ? error.message : String(error);
      this.logger.warn(`Session ${session.id} of ${session.accountLogin} not checked: ${why}`);

      return 'unreachable';
    }
  }
}
