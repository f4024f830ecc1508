import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { attemptKey, LOGIN_FAILURE_WINDOW_MS, retryAfterSeconds } from './login-throttle-window';

const TABLE = 'login_failures';

/**
 * Counts failed logins per login name and client address in the shared database, so several API
 * instances together allow the same five attempts one instance would. Two attempts checked at the
 * same moment on two instances can both pass the check: the limit may be exceeded by the number of
 * concurrent requests, never multiplied by the number of instances.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly dataSource: DataSource) {}

  /** Seconds to wait before the next attempt, or 0 when an attempt is allowed now. */
  async retryAfterSeconds(login: string, ip: string | null, now = Date.now()): Promise<number> {
    const row = await this.dataSource
      .createQueryBuilder()
      .select('COUNT(*)', 'failures')
      .addSelect('MIN(f.failed_at_ms)', 'oldest')
      .from(TABLE, 'f')
      .where('f.attempt_key = :key', { key: attemptKey(login, ip) })
      .andWhere('f.failed_at_ms > :since', { since: now - LOGIN_FAILURE_WINDOW_MS })
      .getRawOne<{ failures: string | number; oldest: string | number | null }>();

    return retryAfterSeconds(Number(row?.failures ?? 0), Number(row?.oldest ?? now), now);
  }

  async recordFailure(login: string, ip: string | null, now = Date.now()): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(TABLE, ['id', 'attempt_key', 'failed_at_ms'])
      .values({ id: randomUUID(), attempt_key: attemptKey(login, ip), failed_at_ms: now })
      .execute();
    // Guessed logins that never come back would otherwise pile up; the index makes this cheap.
    await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(TABLE)
      .where('failed_at_ms <= :before', { before: now - LOGIN_FAILURE_WINDOW_MS })
      .execute();
  }

  async reset(login: string, ip: string | null): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(TABLE)
      .where('attempt_key = :key', { key: attemptKey(login, ip) })
      .execute();
  }

  /** Failures stored now (any key, within or past the window), for tests and operations. */
  async storedFailures(): Promise<number> {
    const row = await this.dataSource
      .createQueryBuilder()
      .select('COUNT(*)', 'n')
      .from(TABLE, 'f')
      .getRawOne<{ n: string | number }>();

    return Number(row?.n ?? 0);
  }
}
