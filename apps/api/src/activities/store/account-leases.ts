import type { DataSource, Repository } from 'typeorm';

import { ActivityLeaseEntity } from '../entities/activity-lease.entity';
import { isUniqueViolation } from './unique-violation';

/**
 * "One running activity per provider account", held by the database: the lease row's primary
 * key admits one holder; a crashed holder's lease expires and the next run takes it over.
 */
export class AccountLeases {
  private readonly leases: Repository<ActivityLeaseEntity>;

  constructor(dataSource: DataSource) {
    this.leases = dataSource.getRepository(ActivityLeaseEntity);
  }

  async acquire(
    accountId: string,
    activityId: string,
    token: string,
    expiresMs: number,
    nowMs: number,
  ): Promise<boolean> {
    try {
      await this.leases.insert({ accountId, activityId, runnerToken: token, expiresMs });

      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
    }

    const takeover = await this.leases
      .createQueryBuilder()
      .update()
      .set({ activityId, runnerToken: token, expiresMs })
      .where('account_id = :accountId AND expires_ms < :now', { accountId, now: nowMs })
      .execute();

    return (takeover.affected ?? 0) > 0;
  }

  async renew(accountId: string, token: string, expiresMs: number): Promise<boolean> {
    const result = await this.leases
      .createQueryBuilder()
      .update()
      .set({ expiresMs })
      .where('account_id = :accountId AND runner_token = :token', { accountId, token })
      .execute();

    return (result.affected ?? 0) > 0;
  }

  async release(accountId: string, token: string): Promise<void> {
    await this.leases
      .createQueryBuilder()
      .delete()
      .where('account_id = :accountId AND runner_token = :token', { accountId, token })
      .execute();
  }
}
