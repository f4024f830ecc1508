import {
  ACTIVITY_KINDS,
  ACTIVITY_STATES,
  FINAL_ACTIVITY_STATES,
  type ActivityDto,
  type ActivityKind,
  type ActivityListQuery,
  type ActivityState,
} from '@autobuy/contracts';

export type ActivityFilters = Omit<ActivityListQuery, 'cursor' | 'limit'>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The filters the URL holds; unknown states and kinds are dropped rather than sent. */
export function filtersFromSearch(search: URLSearchParams): ActivityFilters {
  const filters: ActivityFilters = {};
  const state = ACTIVITY_STATES.find((known) => known === search.get('state'));
  const kind = ACTIVITY_KINDS.find((known) => known === search.get('kind'));
  if (state) filters.state = state;
  if (kind) filters.kind = kind;
  for (const name of ['accountId', 'orderId', 'orderNumber', 'q'] as const) {
    const value = search.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const from = dayStart(search.get('from'));
  const to = dayStart(search.get('to'));
  if (from) filters.createdFrom = from.toISOString();
  // "To" names a day: everything created on it is included.
  if (to) filters.createdTo = new Date(to.getTime() + DAY_MS - 1).toISOString();

  return filters;
}

/** `YYYY-MM-DD` as the start of that day in the operator's time zone; null when not a date. */
function dayStart(value: string | null): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return null;
  }
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(year, month - 1, day);

  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Whether the list shows a separate "waiting for the operator" block on top: only when the state
 * filter leaves waiting activities possible and does not already ask for nothing else.
 */
export function showsWaitingBlock(filters: ActivityFilters): boolean {
  return filters.state === undefined;
}

/** The main list leaves out what the waiting block already shows on top. */
export function withoutWaiting(activities: ActivityDto[], waitingShown: boolean): ActivityDto[] {
  return waitingShown
    ? activities.filter((activity) => activity.state !== 'waiting_for_operator')
    : activities;
}

export function isFinal(state: ActivityState): boolean {
  return FINAL_ACTIVITY_STATES.includes(state);
}

/**
 * Cancel is offered until the activity ends; a failed reservation too, because cancelling it
 * gives its items back (the API runs its give-back step; other kinds have nothing to give back).
 */
export function canCancel(state: ActivityState, kind: ActivityKind): boolean {
  if (state === 'failed') {
    return kind === 'reserve';
  }

  return state === 'queued' || state === 'running' || state === 'waiting_for_operator';
}

export function canRetry(state: ActivityState): boolean {
  return state === 'failed';
}

export const KIND_OPTIONS: readonly ActivityKind[] = ACTIVITY_KINDS;
