import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProviderCode, ProviderSessionDto } from '@autobuy/contracts';
import type { AccountAccess, ProviderAdapter, SessionSnapshot } from '@autobuy/provider-adapters';
import { In, Repository } from 'typeorm';

import { SecretBox } from '../crypto/secret-box';
import { ProviderAccountEntity } from '../providers/entities/provider-account.entity';
import { SessionVault } from '../vault/session-vault';
import { ProviderAdapters } from './provider-adapters';
import { ProviderSessionEntity } from './provider-session.entity';
import { toSessionDto } from './session-mapper';
import { SessionUpdates } from './session-updates';
import { SessionsError, SessionsErrorCode } from './sessions.error';

export interface SessionAccess {
  session: ProviderSessionDto;
  access: AccountAccess;
}

/**
 * What the workflows need from provider sessions: the adapter of a provider, and a decrypted
 * `AccountAccess` for a session (or for an account's active session). Expired sessions are
 * refused with the account named, so an activity can tell the operator to log in again.
 */
@Injectable()
export class ProviderAccess {
  constructor(
    private readonly adapters: ProviderAdapters,
    private readonly vault: SessionVault,
    private readonly secrets: SecretBox,
    private readonly updates: SessionUpdates,
    @InjectRepository(ProviderSessionEntity)
    private readonly sessions: Repository<ProviderSessionEntity>,
    @InjectRepository(ProviderAccountEntity)
    private readonly accounts: Repository<ProviderAccountEntity>,
  ) {}

  adapterFor(provider: ProviderCode): ProviderAdapter {
    return this.adapters.adapterFor(provider);
  }

  async accountAccess(target: string | { accountId: string }): Promise<SessionAccess> {
    const session = await this.sessionFor(target);
    const account = await this.accountOf(session);
    if (session.state !== 'active') {
      throw new SessionsError(
        SessionsErrorCode.SessionExpired,
        `The session of ${account.login} is ${session.state}` +
          `${session.stateReason ? `: ${session.stateReason}` : ''}; log in again`,
      );
    }

    const access: AccountAccess = { accountId: account.id, login: account.login };
    if (session.snapshotSealed !== null) {
      access.session = JSON.parse(this.vault.open(session.snapshotSealed)) as SessionSnapshot;
    }
    if (account.apiKeyEncrypted !== null) {
      access.apiKey = this.secrets.open(account.apiKeyEncrypted);
    }

    return { session: toSessionDto(session, account), access };
  }

  openApiKey(sealed: string): string {
    return this.secrets.open(sealed);
  }

  /** Stores the session's newest cookies and storage (sealed with the newest vault key). */
  async storeSnapshot(sessionId: string, snapshot: SessionSnapshot): Promise<void> {
    await this.sessions.update(
      { id: sessionId },
      { snapshotSealed: this.vault.seal(JSON.stringify(snapshot)), updatedAt: new Date() },
    );
  }

  /** Marks an active session expired; background sync skips it until the operator logs in. */
  async markExpired(sessionId: string, reason: string): Promise<void> {
    const result = await this.sessions.update(
      { id: sessionId, state: 'active' },
      { state: 'expired', stateReason: reason, updatedAt: new Date() },
    );
    if (result.affected) {
      await this.publish(sessionId);
    }
  }

  async recordCheck(sessionId: string, at = new Date()): Promise<void> {
    await this.sessions.update({ id: sessionId }, { lastCheckedAt: at });
  }

  async recordSync(sessionId: string, at = new Date()): Promise<void> {
    await this.sessions.update({ id: sessionId }, { lastSyncAt: at });
    await this.publish(sessionId);
  }

  async activeSessions(provider?: ProviderCode): Promise<ProviderSessionDto[]> {
    const rows = await this.sessions.find({
      where: provider ? { state: 'active', provider } : { state: 'active' },
      order: { createdAt: 'ASC' },
    });

    return this.toDtos(rows);
  }

  async toDtos(rows: ProviderSessionEntity[]): Promise<ProviderSessionDto[]> {
    const ids = [...new Set(rows.map((r) => r.accountId))];
    const accounts = ids.length > 0 ? await this.accounts.findBy({ id: In(ids) }) : [];
    const byId = new Map(accounts.map((a) => [a.id, a]));

    return rows.flatMap((row) => {
      const account = byId.get(row.accountId);

      return account ? [toSessionDto(row, account)] : [];
    });
  }

  /** Sends the session as it is now to every operator. */
  async publish(sessionId: string): Promise<ProviderSessionDto | null> {
    const row = await this.sessions.findOneBy({ id: sessionId });
    const [dto] = row ? await this.toDtos([row]) : [];
    if (dto) {
      this.updates.publish(dto);
    }

    return dto ?? null;
  }

  private async sessionFor(target: string | { accountId: string }): Promise<ProviderSessionEntity> {
    if (typeof target === 'string') {
      const found = await this.sessions.findOneBy({ id: target });
      if (!found) {
        throw new SessionsError(SessionsErrorCode.SessionNotFound, `No session has id ${target}`);
      }

      return found;
    }

    const newest = await this.sessions.find({
      where: { accountId: target.accountId, state: In(['active', 'expired']) },
      order: { createdAt: 'DESC' },
      take: 1,
    });
    if (!newest[0]) {
      const account = await this.accounts.findOneBy({ id: target.accountId });
      throw new SessionsError(
        SessionsErrorCode.NoActiveSession,
        `${account ? `The account ${account.login}` : `Account ${target.accountId}`} has no ` +
          'session; log in to it first',
      );
    }

    return newest[0];
  }

  private async accountOf(session: ProviderSessionEntity): Promise<ProviderAccountEntity> {
    const account = await this.accounts.findOneBy({ id: session.accountId });
    if (!account) {
      throw new SessionsError(
        SessionsErrorCode.AccountNotFound,
        `The account of session ${session.id} no longer exists`,
      );
    }

    return account;
  }
}
