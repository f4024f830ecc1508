import type { ActivityState } from '@autobuy/contracts';

import { ActivityError, ActivityErrorCode } from './activity-error';

// `running → queued` is a runner giving an activity back (it lost its lease at a step boundary);
// `failed → queued` is an operator's retry; every other final state is final for good.
const ALLOWED: Record<ActivityState, readonly ActivityState[]> = {
  queued: ['running', 'cancelled'],
  running: [
    'queued',
    'waiting_for_operator',
    'succeeded',
    'partly_succeeded',
    'failed',
    'aborted',
    'cancelled',
  ],
  waiting_for_operator: ['queued', 'cancelled'],
  succeeded: [],
  partly_succeeded: [],
  failed: ['queued'],
  aborted: [],
  cancelled: [],
};

export function canTransition(from: ActivityState, to: ActivityState): boolean {
  return ALLOWED[from].includes(to);
}

export function assertTransition(from: ActivityState, to: ActivityState): void {
  if (!canTransition(from, to)) {
    throw new ActivityError(
      ActivityErrorCode.IllegalTransition,
      `An activity cannot go from ${from} to ${to}`,
    );
  }
}

/** The states from which `to` can be reached: the guard of a conditional UPDATE. */
export function statesLeadingTo(to: ActivityState): ActivityState[] {
  return (Object.keys(ALLOWED) as ActivityState[]).filter((from) => canTransition(from, to));
}

export function isFinal(state: ActivityState): boolean {
  return ALLOWED[state].length === 0 || state === 'failed';
}
