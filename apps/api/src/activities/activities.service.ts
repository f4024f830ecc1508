import type {
  ActivityDetailDto,
  ActivityDto,
  ActivityEventDto,
  ActivityListQuery,
  Page,
} from '@autobuy/contracts';

import type { SelectQueryBuilder } from 'typeorm';

import { ActivityError, ActivityErrorCode } from './activity-error';
import type { ActivityEntity } from './entities/activity.entity';
import type { HandlerRegistry } from './handlers/handler-registry';
import type { QueueDriver } from './queue/queue-driver';
import { toActivityDto, toQuestionDto } from './store/mappers';
import type { ActivityStore, NewActivity } from './store/activity-store';
import type { EventLog } from './store/event-log';
import type { QuestionStore } from './store/question-store';
import { assertTransition, isFinal } from './state-machine';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

interface Cursor {
  createdAt: Date;
  id: string;
}

function encodeCursor(activity: ActivityEntity): string {
  return Buffer.from(`${activity.createdAt.toISOString()}|${activity.id}`).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(createdAt ?? '');
  if (!id || Number.isNaN(date.getTime())) {
    throw new ActivityError(
      ActivityErrorCode.InvalidCursor,
      'The cursor is not one this API gave',
      {
        cursor: ['is not valid'],
      },
    );
  }

  return { createdAt: date, id };
}

/** What operators and integrators do with activities; the controller is a thin shell on it. */
export class ActivitiesService {
  constructor(
    private readonly store: ActivityStore,
    private readonly questions: QuestionStore,
    private readonly events: EventLog,
    private readonly driver: QueueDriver,
    private readonly registry?: HandlerRegistry,
  ) {}

  async start(spec: NewActivity): Promise<ActivityDto> {
    const activity = await this.store.create(spec);
    await this.driver.enqueue(activity.id);

    return toActivityDto(activity);
  }

  async list(query: ActivityListQuery): Promise<Page<ActivityDto>> {
    const limit = Math.min(query.limit ?? DEFAULT_PAGE, MAX_PAGE);
    const rows = await this.listQuery(query)
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);

    return {
      items: items.map(toActivityDto),
      nextCursor:
        rows.length > limit ? encodeCursor(items[items.length - 1] as ActivityEntity) : null,
    };
  }

  /** The list's query, newest first; each filter has an index ending in (created_at, id). */
  listQuery(query: ActivityListQuery): SelectQueryBuilder<ActivityEntity> {
    const builder = this.store.repository.createQueryBuilder('a');
    if (query.state) {
      builder.andWhere('a.state = :state', { state: query.state });
    }
    if (query.kind) {
      builder.andWhere('a.kind = :kind', { kind: query.kind });
    }
    if (query.accountId) {
      builder.andWhere('a.account_id = :accountId', { accountId: query.accountId });
    }
    if (query.orderId) {
      builder.andWhere('a.order_id = :orderId', { orderId: query.orderId });
    }
    if (query.createdFrom) {
      builder.andWhere('a.created_at >= :from', { from: new Date(query.createdFrom) });
    }
    if (query.createdTo) {
      builder.andWhere('a.created_at < :to', { to: new Date(query.createdTo) });
    }
    if (query.q) {
      const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      builder.andWhere(
        "(LOWER(a.summary) LIKE :pattern ESCAPE '\\' OR LOWER(a.reason) LIKE :pattern ESCAPE '\\' OR a.id = :exact)",
        { pattern, exact: query.q },
      );
    }
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      builder.andWhere('(a.created_at < :at OR (a.created_at = :at AND a.id < :cursorId))', {
        at: cursor.createdAt,
        cursorId: cursor.id,
      });
    }

    return builder.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC');
  }

  async detail(id: string): Promise<ActivityDetailDto> {
    const activity = await this.store.get(id);
    const questions = (await this.questions.forActivity(id)).map(toQuestionDto);
    const open = questions.find(
      (question) =>
        activity.state === 'waiting_for_operator' &&
        question.id === activity.pendingQuestionId &&
        question.choice === null,
    );

    return { ...toActivityDto(activity), questions, openQuestion: open ?? null };
  }

  async eventsAfter(id: string, afterSeq: number, limit?: number): Promise<ActivityEventDto[]> {
    await this.store.get(id);

    return this.events.after(id, afterSeq, limit);
  }

  async answer(
    activityId: string,
    questionId: string,
    choice: string,
    actor: string,
  ): Promise<ActivityDetailDto> {
    const activity = await this.store.get(activityId);
    const question = await this.questions.find(questionId);
    if (!question || question.activityId !== activityId) {
      throw new ActivityError(
        ActivityErrorCode.QuestionNotFound,
        `Activity ${activityId} has no question ${questionId}`,
      );
    }
    if (question.choice !== null) {
      throw new ActivityError(
        ActivityErrorCode.QuestionAlreadyAnswered,
        `The question was already answered ("${question.choice}")`,
      );
    }
    if (!question.options.some((option) => option.id === choice)) {
      throw new ActivityError(
        ActivityErrorCode.InvalidChoice,
        `"${choice}" is not one of the options`,
        {
          choice: [`must be one of: ${question.options.map((option) => option.id).join(', ')}`],
        },
      );
    }
    if (activity.state !== 'waiting_for_operator' || activity.pendingQuestionId !== questionId) {
      throw new ActivityError(
        ActivityErrorCode.NotWaitingForOperator,
        `The activity is ${activity.state} and no longer waits for this answer`,
      );
    }
    if (!(await this.questions.answerOnce(questionId, choice, actor, false))) {
      throw new ActivityError(
        ActivityErrorCode.QuestionAlreadyAnswered,
        'Someone else answered the question first',
      );
    }

    const label = question.options.find((option) => option.id === choice)?.label ?? choice;
    await this.events.append(activity, {
      type: 'answer',
      level: 'info',
      message: `${actor} answered "${label}"`,
      data: { questionId, choice, answeredBy: actor, byDefault: false },
    });
    const queued = await this.store.transition(
      activityId,
      'queued',
      {},
      'Queued again with the answer',
      {
        from: ['waiting_for_operator'],
      },
    );
    if (queued) {
      await this.driver.enqueue(activityId);
    }

    return this.detail(activityId);
  }

  /** Queued and waiting activities stop at once; a running one at its next step boundary. */
  async cancel(id: string, actor: string): Promise<ActivityDto> {
    const activity = await this.store.get(id);
    if (activity.state !== 'running' && this.givesBackOnCancel(activity)) {
      return this.cancelThroughRun(activity, actor);
    }
    if (isFinal(activity.state)) {
      throw new ActivityError(
        ActivityErrorCode.AlreadyFinished,
        `The activity already ended ${activity.state}`,
      );
    }

    if (activity.state === 'running') {
      if (await this.store.requestCancel(id)) {
        await this.events.append(activity, {
          type: 'log',
          level: 'warn',
          message: `${actor} asked to cancel; it stops after the current step`,
          data: { cancelledBy: actor },
        });

        return toActivityDto(await this.store.get(id));
      }
    }

    const cancelled = await this.store.transition(
      id,
      'cancelled',
      { reason: `Cancelled by ${actor}`, finishedAt: new Date(), runnerToken: null },
      `Cancelled by ${actor}`,
      { from: ['queued', 'waiting_for_operator'] },
    );
    if (!cancelled) {
      // It moved meanwhile (started running, or ended); the operator can simply try again.
      const now = await this.store.get(id);
      if (isFinal(now.state)) {
        throw new ActivityError(
          ActivityErrorCode.AlreadyFinished,
          `The activity already ended ${now.state}`,
        );
      }

      return this.cancel(id, actor);
    }

    return toActivityDto(cancelled);
  }

  private givesBackOnCancel(activity: ActivityEntity): boolean {
    return !!this.registry?.has(activity.kind) && !!this.registry.get(activity.kind).onCancelled;
  }

  /**
   * Its handler gives back what the activity holds (items, maybe after asking the provider),
   * which needs a run on the account's lease: the activity is queued with the cancel flag and
   * its runner ends it. A failed one is cancelled the same way, giving up its retry.
   */
  private async cancelThroughRun(activity: ActivityEntity, actor: string): Promise<ActivityDto> {
    const message = `${actor} cancelled it; it gives back what it holds, then ends`;
    let flagged: ActivityEntity | null = null;
    if (activity.state === 'queued' && (await this.store.requestCancel(activity.id, ['queued']))) {
      flagged = await this.store.get(activity.id);
      await this.events.append(flagged, {
        type: 'log',
        level: 'warn',
        message,
        data: { cancelledBy: actor },
      });
    } else if (activity.state === 'waiting_for_operator' || activity.state === 'failed') {
      flagged = await this.store.transition(
        activity.id,
        'queued',
        { cancelRequested: true, reason: null, finishedAt: null },
        message,
        { from: [activity.state] },
      );
    } else if (isFinal(activity.state)) {
      throw new ActivityError(
        ActivityErrorCode.AlreadyFinished,
        `The activity already ended ${activity.state}`,
      );
    }
    if (!flagged) {
      // It moved meanwhile (a run took it, or it ended); deciding again sees where it is now.
      return this.cancel(activity.id, actor);
    }
    await this.driver.enqueue(activity.id);

    return toActivityDto(flagged);
  }

  /** Re-runs a failed activity from the step that failed (its checkpoint). */
  async retry(id: string, actor: string): Promise<ActivityDto> {
    const activity = await this.store.get(id);
    if (activity.state !== 'failed') {
      throw new ActivityError(
        ActivityErrorCode.NotRetryable,
        `Only a failed activity can be retried; this one is ${activity.state}`,
      );
    }
    assertTransition(activity.state, 'queued');

    const queued = await this.store.transition(
      id,
      'queued',
      {
        failedStep: null,
        reason: null,
        finishedAt: null,
        cancelRequested: false,
        attempt: activity.attempt + 1,
      },
      `${actor} retried it from step ${activity.failedStep ?? activity.step ?? 'the start'}`,
      { from: ['failed'] },
    );
    if (!queued) {
      throw new ActivityError(ActivityErrorCode.NotRetryable, 'Someone else retried it first');
    }
    await this.driver.enqueue(id);

    return toActivityDto(queued);
  }
}
