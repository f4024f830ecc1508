import { randomUUID } from 'node:crypto';

import type { ActivityCounters, ActivityState } from '@autobuy/contracts';
import { type DataSource, In, type Repository } from 'typeorm';

import { ActivityError, ActivityErrorCode } from '../activity-error';
import { ActivityEntity } from '../entities/activity.entity';
import type { ActivityEventBus } from '../live/event-bus';
import { statesLeadingTo } from '../state-machine';
import type { EventLog } from './event-log';
import { asRow } from './as-row';

export interface NewActivity {
  kind: string;
  accountId?: string | null;
  orderId?: string | null;
  startedBy?: string | null;
  summary: string;
  input?: Record<string, unknown>;
}

export type ActivityPatch = Partial<
  Pick<
    ActivityEntity,
    | 'step'
    | 'stepState'
    | 'failedStep'
    | 'pendingQuestionId'
    | 'reason'
    | 'cancelRequested'
    | 'attempt'
    | 'runnerToken'
    | 'leaseExpiresMs'
    | 'startedAt'
    | 'finishedAt'
    | 'accountId'
  >
>;

export interface TransitionGuard {
  /** Only the run holding the activity may move it (runner transitions). */
  runnerToken?: string;
  /** Narrows the allowed origin states further than the state machine does. */
  from?: ActivityState[];
}

/** Rows of `activities`. Every state change is one conditional UPDATE guarded by the machine. */
export class ActivityStore {
  readonly repository: Repository<ActivityEntity>;

  constructor(
    dataSource: DataSource,
    private readonly events: EventLog,
    private readonly bus: ActivityEventBus,
  ) {
    this.repository = dataSource.getRepository(ActivityEntity);
  }

  async create(spec: NewActivity): Promise<ActivityEntity> {
    const now = new Date();
    const activity = this.repository.create({
      id: randomUUID(),
      kind: spec.kind,
      state: 'queued',
      accountId: spec.accountId ?? null,
      orderId: spec.orderId ?? null,
      startedBy: spec.startedBy ?? null,
      summary: spec.summary.slice(0, 500),
      input: spec.input ?? {},
      counters: {},
      itemStates: {},
      step: null,
      stepState: null,
      failedStep: null,
      pendingQuestionId: null,
      reason: null,
      cancelRequested: false,
      attempt: 1,
      lastSeq: 0,
      runnerToken: null,
      leaseExpiresMs: null,
      createdAt: now,
      updatedAt: now,
      startedAt: null,
      finishedAt: null,
    });
    await this.repository.insert(asRow(activity));
    await this.events.append(activity, {
      type: 'state',
      level: 'info',
      message: `Queued: ${activity.summary}`,
      data: { state: 'queued' },
    });

    return activity;
  }

  async find(id: string): Promise<ActivityEntity | null> {
    return this.repository.findOneBy({ id });
  }

  async get(id: string): Promise<ActivityEntity> {
    const activity = await this.find(id);
    if (!activity) {
      throw new ActivityError(ActivityErrorCode.ActivityNotFound, `No activity has id ${id}`);
    }

    return activity;
  }

  /**
   * Moves the activity to `to` if its current state allows it (and the guard holds), records
   * a state event and returns the updated row; null when another writer got there first.
   */
  async transition(
    id: string,
    to: ActivityState,
    patch: ActivityPatch,
    message: string,
    guard: TransitionGuard = {},
  ): Promise<ActivityEntity | null> {
    const legal = statesLeadingTo(to);
    const from = guard.from ? guard.from.filter((state) => legal.includes(state)) : legal;
    const query = this.repository
      .createQueryBuilder()
      .update()
      .set(asRow<ActivityEntity>({ ...patch, state: to, updatedAt: new Date() }))
      .where('id = :id', { id })
      .andWhere('state IN (:...from)', { from });
    if (guard.runnerToken) {
      query.andWhere('runner_token = :token', { token: guard.runnerToken });
    }

    const result = await query.execute();
    if (!result.affected) {
      return null;
    }

    const activity = await this.get(id);
    await this.events.append(activity, {
      type: 'state',
      level: to === 'failed' ? 'error' : 'info',
      message,
      data: { state: to, reason: activity.reason },
    });
    if (to === 'waiting_for_operator' || from.includes('waiting_for_operator')) {
      await this.publishAttention();
    }

    return activity;
  }

  /** Claims a queued activity, or a running one whose previous run's lease has expired. */
  async claim(id: string, token: string, leaseExpiresMs: number, nowMs: number): Promise<boolean> {
    const result = await this.repository
      .createQueryBuilder()
      .update()
      .set({ state: 'running', runnerToken: token, leaseExpiresMs, updatedAt: new Date() })
      .where('id = :id', { id })
      .andWhere(
        "(state = 'queued' OR (state = 'running' AND (lease_expires_ms IS NULL OR lease_expires_ms < :now)))",
        { now: nowMs },
      )
      .execute();

    return (result.affected ?? 0) > 0;
  }

  async update(id: string, token: string, patch: ActivityPatch): Promise<boolean> {
    const result = await this.repository
      .createQueryBuilder()
      .update()
      .set(asRow<ActivityEntity>({ ...patch, updatedAt: new Date() }))
      .where('id = :id AND runner_token = :token', { id, token })
      .execute();

    return (result.affected ?? 0) > 0;
  }

  async mergeCounters(
    activity: ActivityEntity,
    token: string,
    counters: ActivityCounters,
  ): Promise<void> {
    activity.counters = { ...activity.counters, ...counters };
    await this.repository
      .createQueryBuilder()
      .update()
      .set({ counters: activity.counters, updatedAt: new Date() })
      .where('id = :id AND runner_token = :token', { id: activity.id, token })
      .execute();
  }

  async setItemState(
    activity: ActivityEntity,
    token: string,
    itemId: string,
    state: string,
    reason?: string,
  ): Promise<void> {
    activity.itemStates = {
      ...activity.itemStates,
      [itemId]: reason ? { state, reason } : { state },
    };
    await this.repository
      .createQueryBuilder()
      .update()
      .set({ itemStates: activity.itemStates, updatedAt: new Date() })
      .where('id = :id AND runner_token = :token', { id: activity.id, token })
      .execute();
  }

  /** Flags the activity for its runner to cancel at the next step boundary. */
  async requestCancel(id: string, states: ActivityState[] = ['running']): Promise<boolean> {
    const result = await this.repository
      .createQueryBuilder()
      .update()
      .set({ cancelRequested: true, updatedAt: new Date() })
      .where('id = :id AND state IN (:...states)', { id, states })
      .execute();

    return (result.affected ?? 0) > 0;
  }

  /** What a worker must pick up on boot: queued, interrupted, and answered-but-not-requeued. */
  async findRecoverable(): Promise<ActivityEntity[]> {
    return this.repository
      .createQueryBuilder('a')
      .where('a.state IN (:...states)', { states: ['queued', 'running'] })
      .orWhere(
        "a.state = 'waiting_for_operator' AND EXISTS (SELECT 1 FROM activity_questions q WHERE q.id = a.pending_question_id AND q.choice IS NOT NULL)",
      )
      .orderBy('a.created_at', 'ASC')
      .getMany();
  }

  async queuedForAccount(accountId: string): Promise<string[]> {
    const rows = await this.repository.find({
      select: { id: true },
      where: { accountId, state: In(['queued']) },
      order: { createdAt: 'ASC' },
      take: 50,
    });

    return rows.map((row) => row.id);
  }

  async countWaiting(): Promise<number> {
    return this.repository.countBy({ state: 'waiting_for_operator' });
  }

  private async publishAttention(): Promise<void> {
    this.bus.publish({ type: 'attention', count: await this.countWaiting() });
  }
}
