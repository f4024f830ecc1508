import { Inject, Injectable } from '@nestjs/common';
import type { ProviderSessionDto, StartedActivityDto } from '@autobuy/contracts';

import type { ActivitiesEngine } from '../activities/activities-engine';
import { ACTIVITIES_ENGINE } from '../activities/activities.tokens';
import { BindingError, BindingErrorCode } from '../order-binding/binding.error';
import {
  PROVIDER_ACCESS,
  type WorkflowProviderAccess,
  sessionErrorCode,
} from '../order-binding/provider-access.port';

/** Starts sync activities; one waiting or running sync per account is enough. */
@Injectable()
export class SyncService {
  constructor(
    @Inject(ACTIVITIES_ENGINE) private readonly engine: ActivitiesEngine,
    @Inject(PROVIDER_ACCESS) private readonly access: WorkflowProviderAccess,
  ) {}

  async syncSession(sessionId: string, startedBy: string): Promise<StartedActivityDto> {
    let session: ProviderSessionDto;
    try {
      session = (await this.access.accountAccess(sessionId)).session;
    } catch (error) {
      if (sessionErrorCode(error) !== null) {
        throw new BindingError(
          BindingErrorCode.SessionNotUsable,
          `The session cannot be synchronized: ${(error as Error).message}`,
          { sessionId },
        );
      }

      throw error;
    }

    return this.start(session, startedBy);
  }

  /** Starts a sync for the session's account unless one is already waiting or running. */
  async start(session: ProviderSessionDto, startedBy: string | null): Promise<StartedActivityDto> {
    for (const state of ['queued', 'running'] as const) {
      const page = await this.engine.service.list({
        kind: 'sync',
        accountId: session.accountId,
        state,
        limit: 1,
      });
      const existing = page.items[0];
      if (existing) {
        return { activityId: existing.id };
      }
    }

    const activity = await this.engine.service.start({
      kind: 'sync',
      accountId: session.accountId,
      startedBy,
      summary: `Synchronize orders of ${session.nickname}`,
      input: { accountId: session.accountId, provider: session.provider, sessionId: session.id },
    });

    return { activityId: activity.id };
  }
}
