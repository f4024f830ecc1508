import type { ActivityDto, ActivityEventDto, ActivityQuestionDto } from '@autobuy/contracts';

import type { ActivityEventEntity } from '../entities/activity-event.entity';
import type { ActivityQuestionEntity } from '../entities/activity-question.entity';
import type { ActivityEntity } from '../entities/activity.entity';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toActivityDto(entity: ActivityEntity): ActivityDto {
  return {
    id: entity.id,
    kind: entity.kind as ActivityDto['kind'],
    state: entity.state,
    accountId: entity.accountId,
    orderId: entity.orderId,
    startedBy: entity.startedBy,
    summary: entity.summary,
    counters: entity.counters,
    itemStates: entity.itemStates,
    step: entity.step,
    failedStep: entity.failedStep,
    reason: entity.reason,
    cancelRequested: entity.cancelRequested,
    attempt: entity.attempt,
    lastSeq: entity.lastSeq,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    startedAt: iso(entity.startedAt),
    finishedAt: iso(entity.finishedAt),
  };
}

export function toEventDto(entity: ActivityEventEntity): ActivityEventDto {
  return {
    activityId: entity.activityId,
    seq: entity.seq,
    type: entity.type,
    level: entity.level,
    message: entity.message,
    data: entity.data,
    createdAt: entity.createdAt.toISOString(),
  };
}

export function toQuestionDto(entity: ActivityQuestionEntity): ActivityQuestionDto {
  return {
    id: entity.id,
    activityId: entity.activityId,
    prompt: entity.prompt,
    options: entity.options,
    context: entity.context,
    defaultChoice: entity.defaultChoice,
    deadlineAt: entity.deadlineMs === null ? null : new Date(entity.deadlineMs).toISOString(),
    choice: entity.choice,
    answeredBy: entity.answeredBy,
    answeredAt: iso(entity.answeredAt),
    answeredByDefault: entity.answeredByDefault,
    createdAt: entity.createdAt.toISOString(),
  };
}
