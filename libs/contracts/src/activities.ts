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
