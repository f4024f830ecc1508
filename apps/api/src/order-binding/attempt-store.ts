import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';

import {
  type AttemptLine,
  OrderAttemptEntity,
  type OrderAttemptState,
} from './entities/order-attempt.entity';

/** Attempts whose outcome is not known yet: they must be reconciled before any resubmit. */
export const OPEN_ATTEMPT_STATES: OrderAttemptState[] = ['submitting', 'submitted', 'unknown'];

@Injectable()
export class AttemptStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Commits the attempt as `submitting` on its own, before the submit is sent. */
  async begin(activityId: string, accountId: string, lines: AttemptLine[]): Promise<string> {
    const id = randomUUID();
    await this.dataSource.manager.insert(OrderAttemptEntity, {
      id,
      activityId,
      accountId,
      lines,
      state: 'submitting',
      orderNumbers: [],
      error: null,
      startedAt: new Date(),
      finishedAt: null,
    });

    return id;
  }

  async mark(
    id: string,
    state: OrderAttemptState,
    details: { orderNumbers?: string[]; error?: string | null } = {},
    manager?: EntityManager,
  ): Promise<void> {
    const values: Partial<OrderAttemptEntity> = { state };
    if (details.orderNumbers) {
      values.orderNumbers = details.orderNumbers;
    }
    if (details.error !== undefined) {
      values.error = details.error?.slice(0, 1000) ?? null;
    }
    if (state === 'confirmed' || state === 'failed') {
      values.finishedAt = new Date();
    }

    await (manager ?? this.dataSource.manager).update(OrderAttemptEntity, { id }, values);
  }

  async get(id: string): Promise<OrderAttemptEntity | null> {
    return this.dataSource.manager.findOneBy(OrderAttemptEntity, { id });
  }

  async openOf(activityId: string): Promise<OrderAttemptEntity[]> {
    return this.dataSource.manager.find(OrderAttemptEntity, {
      where: { activityId, state: In(OPEN_ATTEMPT_STATES) },
      order: { startedAt: 'ASC' },
    });
  }

  async ofActivity(activityId: string): Promise<OrderAttemptEntity[]> {
    return this.dataSource.manager.find(OrderAttemptEntity, {
      where: { activityId },
      order: { startedAt: 'ASC' },
    });
  }
}
