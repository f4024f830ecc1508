import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProviderCode, ProviderSessionDto, StartedActivityDto } from '@autobuy/contracts';
import { isProviderError, withJob } from '@autobuy/provider-adapters';
import { Repository } from 'typeorm';

import { ACTIVITIES_ENGINE, type ActivitiesEngine } from '../activities';
import { ProviderAccountEntity } from '../providers/entities/provider-account.entity';
import { ProviderEntity } from '../providers/entities/provider.entity';
import { ProviderAccess } from './provider-access';
import { SessionRecords } from './session-records';
import { SessionsError, SessionsErrorCode } from './sessions.error';

export type StartedSession =
  | { kind: 'activity'; started: StartedActivityDto }
  | { kind: 'session'; session: ProviderSessionDto };

/** `POST /sessions`: a popup login activity, or an API-key session checked at once. */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(ACTIVITIES_ENGINE) private readonly engine: ActivitiesEngine,
    private readonly access: ProviderAccess,
    private readonly records: SessionRecords,
    @InjectRepository(ProviderEntity) private readonly providers: Repository<ProviderEntity>,
    @InjectRepository(ProviderAccountEntity)
    private readonly accounts: Repository<ProviderAccountEntity>,
  ) {}

  async start(
    provider: ProviderCode,
    accountId: string | undefined,
    operatorId: string,
  ): Promise<StartedSession> {
    const found = await this.providers.findOneBy({ code: provider });
    if (!found) {
      throw new SessionsError(SessionsErrorCode.ProviderUnknown, `No provider ${provider}`);
    }
    if (!found.enabled) {
      throw new SessionsError(
        SessionsErrorCode.ProviderDisabled,
        `${found.name} is disabled; enable it in the provider settings first`,
      );
    }

    if (found.loginKind === 'api-key') {
      return { kind: 'session', session: await this.startApiKeySession(provider, accountId) };
    }

    const activity = await this.engine.service.start({
      kind: 'login',
      startedBy: operatorId,
      summary: `Log in to ${found.name}`,
      input: { provider, operatorId },
    });

    return { kind: 'activity', started: { activityId: activity.id } };
  }

  private async startApiKeySession(
    provider: ProviderCode,
    accountId: string | undefined,
  ): Promise<ProviderSessionDto> {
    if (!accountId) {
      throw new SessionsError(
        SessionsErrorCode.AccountRequired,
        'Choose the account: API-key providers log in with the account key',
        { accountId: ['is required for this provider'] },
      );
    }
    const account = await this.accounts.findOneBy({ id: accountId, provider });
    if (!account) {
      throw new SessionsError(
        SessionsErrorCode.AccountNotFound,
        `No ${provider} account has id ${accountId}`,
      );
    }
    if (account.apiKeyEncrypted === null) {
      throw new SessionsError(
        SessionsErrorCode.ApiKeyInvalid,
        `The account ${account.login} has no API key; add it in the provider settings`,
      );
    }

    const adapter = this.access.adapterFor(provider);
    const apiKey = this.access.openApiKey(account.apiKeyEncrypted);
    const check = await withJob(adapter, { accountId, login: account.login, apiKey }, (job) =>
      job.checkSession(),
    ).catch((error: unknown) => {
      throw new SessionsError(
        SessionsErrorCode.ProviderUnavailable,
        `The provider could not check the key of ${account.login}: ` +
          `${isProviderError(error) ? error.message : String(error)}`,
      );
    });
    if (!check.loggedIn) {
      throw new SessionsError(
        SessionsErrorCode.ApiKeyInvalid,
        `The provider refused the API key of ${account.login}; correct it in the provider settings`,
      );
    }

    return this.records.createApiKeySession(account);
  }
}
