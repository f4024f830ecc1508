import type {
  ActivityDetailDto,
  ActivityDto,
  ActivityEventDto,
  ActivityQuestionDto,
  ActivityState,
  ActivityUpdateMessage,
  Page,
} from '@autobuy/contracts';
import { ACTIVITY_STATES } from '@autobuy/contracts';

/** What an event did to a cached activity: applied, already included, or a gap before it. */
export type PatchOutcome<T> = { kind: 'applied'; value: T } | { kind: 'stale' } | { kind: 'gap' };

function stateOf(data: Record<string, unknown> | null): ActivityState | null {
  const state = data?.state;

  return ACTIVITY_STATES.find((known) => known === state) ?? null;
}

function isQuestion(value: unknown): value is ActivityQuestionDto {
  return typeof value === 'object' && value !== null && 'id' in value && 'options' in value;
}

/** The fields of an activity that one event changes (state, counters, item states, step). */
export function applyEventToActivity<T extends ActivityDto>(
  activity: T,
  event: ActivityEventDto,
): T {
  const data = event.data;
  const next: T = { ...activity, lastSeq: Math.max(activity.lastSeq, event.seq) };

  switch (event.type) {
    case 'state': {
      const state = stateOf(data);
      if (state) {
        next.state = state;
      }
      if (data && typeof data.step === 'string') {
        next.step = data.step;
      }
      if (data && 'reason' in data) {
        next.reason = typeof data.reason === 'string' ? data.reason : null;
      }
      break;
    }
    case 'progress': {
      if (data?.counters && typeof data.counters === 'object') {
        next.counters = { ...activity.counters, ...(data.counters as Record<string, number>) };
      }
      if (data && typeof data.itemId === 'string' && typeof data.state === 'string') {
        const reason = typeof data.reason === 'string' ? data.reason : undefined;
        next.itemStates = {
          ...activity.itemStates,
          [data.itemId]: reason ? { state: data.state, reason } : { state: data.state },
        };
      }
      break;
    }
    case 'question':
      next.state = 'waiting_for_operator';
      break;
    case 'log':
    case 'answer':
      break;
  }

  return next;
}

/** The detail also carries the questions: a question event opens one, an answer closes it. */
function applyEventToQuestions(detail: ActivityDetailDto, event: ActivityEventDto) {
  const data = event.data;
  if (event.type === 'question' && isQuestion(data?.question)) {
    const question = data.question;

    return {
      questions: [...detail.questions.filter((known) => known.id !== question.id), question],
      openQuestion: question,
    };
  }
  if (event.type === 'answer' && data && typeof data.questionId === 'string') {
    const answered = (question: ActivityQuestionDto): ActivityQuestionDto =>
      question.id === data.questionId
        ? {
            ...question,
            choice: typeof data.choice === 'string' ? data.choice : question.choice,
            answeredBy: typeof data.answeredBy === 'string' ? data.answeredBy : null,
            answeredAt: event.createdAt,
            answeredByDefault: data.byDefault === true,
          }
        : question;

    return {
      questions: detail.questions.map(answered),
      openQuestion: detail.openQuestion?.id === data.questionId ? null : detail.openQuestion,
    };
  }
  if (event.type === 'state' && stateOf(data) !== 'waiting_for_operator') {
    // Cancelled or moved on: whatever question was open no longer waits for anyone.
    return { questions: detail.questions, openQuestion: null };
  }

  return { questions: detail.questions, openQuestion: detail.openQuestion };
}

/**
 * Applies the next event of an activity to its cached detail. Events arrive in seq order; one
 * already included is ignored, and one that skips a seq means the cache must be fetched again.
 */
export function applyEventToDetail(
  detail: ActivityDetailDto,
  event: ActivityEventDto,
): PatchOutcome<ActivityDetailDto> {
  if (event.seq <= detail.lastSeq) {
    return { kind: 'stale' };
  }
  if (event.seq > detail.lastSeq + 1) {
    return { kind: 'gap' };
  }

  return {
    kind: 'applied',
    value: { ...applyEventToActivity(detail, event), ...applyEventToQuestions(detail, event) },
  };
}

/** Appends an event to a cached log; the same gap and duplicate rules as the detail. */
export function appendEvent(
  events: ActivityEventDto[],
  event: ActivityEventDto,
): PatchOutcome<ActivityEventDto[]> {
  const last = events.length === 0 ? null : events[events.length - 1].seq;
  if (last !== null && event.seq <= last) {
    return { kind: 'stale' };
  }
  if (last !== null && event.seq > last + 1) {
    return { kind: 'gap' };
  }

  return { kind: 'applied', value: [...events, event] };
}

/** Pages of an infinite activity list: the listed activity takes the event's changes. */
export interface ActivityPages {
  pages: Page<ActivityDto>[];
  pageParams: unknown[];
}

export function patchActivityPages(
  data: ActivityPages,
  update: ActivityUpdateMessage,
  /** False when the message's state was not sent by the server but guessed from a bare event. */
  trustState = true,
): { value: ActivityPages; found: boolean } {
  let found = false;
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.map((activity) => {
      if (activity.id !== update.activity.id) {
        return activity;
      }
      found = true;
      if (update.event.seq <= activity.lastSeq) {
        return activity;
      }

      const patched = applyEventToActivity(activity, update.event);

      return trustState ? { ...patched, state: update.activity.state } : patched;
    }),
  }));

  return { value: found ? { ...data, pages } : data, found };
}
