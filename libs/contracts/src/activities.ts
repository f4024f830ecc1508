export const ACTIVITY_KINDS = ['login', 'reserve', 'unbind', 'bind', 'sync'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_STATES = [
  'queued',
  'running',
  'waiting_for_operator',
  'succeeded',
  'partly_succeeded',
  'failed',
  'aborted',
  'cancelled',
] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

export const FINAL_ACTIVITY_STATES: readonly ActivityState[] = [
  'succeeded',
  'partly_succeeded',
  'failed',
  'aborted',
  'cancelled',
];

/** The final states an activity's own handler can choose; `cancelled` comes from an operator. */
export const ACTIVITY_OUTCOMES = ['succeeded', 'partly_succeeded', 'failed', 'aborted'] as const;
export type ActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];

export const ACTIVITY_EVENT_TYPES = ['log', 'state', 'progress', 'question', 'answer'] as const;
export type ActivityEventType = (typeof ACTIVITY_EVENT_TYPES)[number];

export const ACTIVITY_EVENT_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type ActivityEventLevel = (typeof ACTIVITY_EVENT_LEVELS)[number];

/** Counters a handler keeps, e.g. `{ orderLinesFound: 3, providerOrdersFound: 1 }`. */
export type ActivityCounters = Record<string, number>;

/** Per-item state inside an activity, keyed by order item id. */
export type ActivityItemStates = Record<string, { state: string; reason?: string }>;

export interface ActivityDto {
  id: string;
  kind: ActivityKind;
  state: ActivityState;
  accountId: string | null;
  orderId: string | null;
  startedBy: string | null;
  summary: string;
  counters: ActivityCounters;
  itemStates: ActivityItemStates;
  /** The step the activity is at (or failed at); resumable handlers restart here. */
  step: string | null;
  failedStep: string | null;
  /** Why it ended as it did (a failure's reason, an abort's cause); null while running. */
  reason: string | null;
  cancelRequested: boolean;
  attempt: number;
  /** Sequence number of the newest event, for replay over the live channel. */
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /**
   * The account's login and the order's number, for people to read. Every answer of the
   * activities routes has them (null when the activity names no account or order, or it was
   * deleted); live messages and the answers of other modules leave them out.
   */
  accountLogin?: string | null;
  orderNumber?: string | null;
}

export interface ActivityQuestionOption {
  id: string;
  label: string;
}

export interface ActivityQuestionDto {
  id: string;
  activityId: string;
  prompt: string;
  options: ActivityQuestionOption[];
  /** What the operator needs to decide, e.g. `{ oldPrice: '12.00', newPrice: '13.50' }`. */
  context: Record<string, unknown>;
  defaultChoice: string;
  deadlineAt: string | null;
  choice: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  /** True when nobody answered before the deadline and the default was taken. */
  answeredByDefault: boolean;
  createdAt: string;
}

export interface ActivityEventDto {
  activityId: string;
  seq: number;
  type: ActivityEventType;
  level: ActivityEventLevel;
  message: string;
  data: Record<string, unknown> | null;
  createdAt: string;
}

export interface ActivityDetailDto extends ActivityDto {
  questions: ActivityQuestionDto[];
  openQuestion: ActivityQuestionDto | null;
}

export interface AnswerQuestionRequest {
  questionId: string;
  choice: string;
}

/** Query of `GET /api/v1/activities`; every filter is optional and they combine with AND. */
export interface ActivityListQuery {
  state?: ActivityState;
  kind?: ActivityKind;
  accountId?: string;
  orderId?: string;
  /** The order's number (its external id) exactly; combines with `orderId` like any filter. */
  orderNumber?: string;
  createdFrom?: string;
  createdTo?: string;
  /** Case-insensitive text search over the summary, the reason and the id. */
  q?: string;
  cursor?: string;
  limit?: number;
}
