import { randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { ListSessionsQuery, ProviderCode, ProviderSessionDto } from '@autobuy/contracts';
import type { SessionSnapshot } from '@autobuy/provider-adapters';
import { DataSource, In, Repository } from 'typeorm';

import { ProviderAccountEntity } from '../providers/entities/provider-account.entity';
import { SessionVault } from '../vault/session-vault';
import { ProviderAccess } from './provider-access';
import { ProviderSessionEntity } from './provider-session.entity';
import { SessionsError, SessionsErrorCode } from './sessions.error';

export type LoginResult = { ok: true; session: ProviderSessionDto } | { ok: false; reason: string };

/** Writes of the provider_sessions table: a new login, a revocation, the list. */
@Injectable()
export class SessionRecords {
  private readonly logger = new Logger('ProviderSessions');

  constructor(
    private readonly access: ProviderAccess,
    private readonly vault: SessionVault,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ProviderSessionEntity)
    private readonly sessions: Repository<ProviderSessionEntity>,
    @InjectRepository(ProviderAccountEntity)
    private readonly accounts: Repository<ProviderAccountEntity>,
  ) {}

  /**
   * A popup login ended logged in as `nickname`: binds it to the provider's account with that
   * login, or refuses it when no such account is on the list (nothing is stored then).
   */
  async completeLogin(
    provider: ProviderCode,
    nickname: string,
    snapshot: SessionSnapshot,
  ): Promise<LoginResult> {
    const account = await this.accounts.findOneBy({ provider, login: nickname });
    if (!account) {
      return {
        ok: false,
        reason:
          `The login ${nickname} is not on the ${provider} account list; ` +
          'add it in the provider settings, then log in again',
      };
    }
    if (!account.enabled) {
      return { ok: false, reason: `The account ${nickname} is disabled in the provider settings` };
    }

    const id = await this.replaceSessionOf(account, this.vault.seal(JSON.stringify(snapshot)));
    this.logger.log(`Provider session ${id} created for ${provider} account ${account.login}`);
    const session = await this.access.publish(id);

    return session ? { ok: true, session } : { ok: false, reason: 'The account was removed' };
  }

  /** An API-key provider's session: the key was checked, no cookies to keep. */
  async createApiKeySession(account: ProviderAccountEntity): Promise<ProviderSessionDto> {
    const id = await this.replaceSessionOf(account, null);
    const session = await this.access.publish(id);
    if (!session) {
      throw new SessionsError(SessionsErrorCode.AccountNotFound, 'The account was removed');
    }

    return session;
  }

  async list(query: ListSessionsQuery): Promise<ProviderSessionDto[]> {
    const rows = await this.sessions.find({
      where: {
        state: In(['active', 'expired']),
        ...(query.provider ? { provider: query.provider } : {}),
        ...(query.accountId ? { accountId: query.accountId } : {}),
      },
      order: { createdAt: 'DESC' },
    });

    return this.access.toDtos(rows);
  }

  /** Forgets the cookies at once; the row stays as `revoked` for the record. */
  async revoke(id: string): Promise<ProviderSessionDto> {
    const result = await this.sessions.update(
      { id, state: In(['active', 'expired']) },
      {
        state: 'revoked',
        stateReason: 'Logged out by an operator',
        snapshotSealed: null,
        updatedAt: new Date(),
      },
    );
    if (!result.affected) {
      const exists = await this.sessions.existsBy({ id });
      if (!exists) {
        throw new SessionsError(SessionsErrorCode.SessionNotFound, `No session has id ${id}`);
      }
    }
    const session = await this.access.publish(id);

    return session as ProviderSessionDto;
  }

  /** One current session per account: an older one is revoked in the same transaction. */
  private async replaceSessionOf(
    account: ProviderAccountEntity,
    snapshotSealed: string | null,
  ): Promise<string> {
    const id = randomUUID();
    const now = new Date();
    const replaced = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ProviderSessionEntity);
      const older = await repository.find({
        where: { accountId: account.id, state: In(['active', 'expired']) },
      });
      await repository.update(
        { accountId: account.id, state: In(['active', 'expired']) },
        {
          state: 'revoked',
          stateReason: 'Replaced by a newer login',
          snapshotSealed: null,
          updatedAt: now,
        },
      );
      await repository.insert({
        id,
        provider: account.provider,
        accountId: account.id,
        nickname: account.login,
        state: 'active',
        stateReason: null,
        snapshotSealed,
        lastCheckedAt: now,
        lastSyncAt: null,
        createdAt: now,
        updatedAt: now,
      });

      return older.map((row) => row.id);
    });
    for (const older of replaced) {
      await this.access.publish(older);
    }

    return id;
  }
}
