import type {
  ActivityCounters,
  ActivityEventLevel,
  ActivityOutcome,
  ActivityQuestionOption,
} from '@autobuy/contracts';

/** What a handler asks the operator; the activity waits until an answer or the deadline. */
export interface QuestionSpec {
  prompt: string;
  options: ActivityQuestionOption[];
  /** Taken when the deadline passes without an answer; must be one of the options. */
  defaultChoice: string;
  /** How long the operator has; without it the question waits for ever. */
  deadlineMs?: number;
  context?: Record<string, unknown>;
}

export interface QuestionAnswer {
  questionId: string;
  choice: string;
  answeredBy: string | null;
  byDefault: boolean;
}

/** Read-only facts about the activity a step runs for. */
export interface ActivityFacts {
  id: string;
  kind: string;
  accountId: string | null;
  orderId: string | null;
  input: Record<string, unknown>;
  attempt: number;
}

export interface StepContext<S> {
  activity: ActivityFacts;
  /** The state committed with this step's checkpoint. */
  state: S;
  /** The answer to the question asked by the step before, when the activity resumed from one. */
  answer: QuestionAnswer | null;
  log(message: string, data?: Record<string, unknown>, level?: ActivityEventLevel): Promise<void>;
  /** Merges counters (e.g. items found) into the activity and publishes the progress. */
  progress(counters: ActivityCounters, message?: string): Promise<void>;
  setItemState(itemId: string, state: string, reason?: string): Promise<void>;
  /**
   * Moves the activity and its hold to another account (e.g. the operator continues on another
   * session), freeing the first account for other activities. False when another activity holds
   * that account now; the activity then stays on the account it had.
   */
  moveToAccount(accountId: string): Promise<boolean>;
}

export type StepResult<S> =
  | { type: 'next'; step: string; state: S }
  | { type: 'ask'; question: QuestionSpec; step: string; state: S }
  | { type: 'finish'; outcome: ActivityOutcome; reason: string | null };

/**
 * A step does one piece of work and says what comes next. A crash re-runs the step from its
 * checkpoint, so a step must be safe to run again (check before acting).
 */
export type Step<S> = (context: StepContext<S>) => Promise<StepResult<S>>;

export interface ActivityHandler<S = unknown> {
  kind: string;
  firstStep: string;
  initialState(input: Record<string, unknown>): S;
  steps: Record<string, Step<S>>;
  /**
   * Gives back what the activity still holds once an operator cancelled it (also a failed one,
   * which gives up its retry). It runs like a step, on the account's lease, with the state of
   * the last checkpoint, before the activity is marked cancelled; a crash runs it again, so it
   * must be safe to repeat. If it throws, the activity ends failed with the reason and can be
   * cancelled again.
   */
  onCancelled?: (context: StepContext<S>) => Promise<void>;
}

export const next = <S>(step: string, state: S): StepResult<S> => ({ type: 'next', step, state });

/** Suspends the activity; after the answer it continues at `step` with `state`. */
export const ask = <S>(question: QuestionSpec, step: string, state: S): StepResult<S> => ({
  type: 'ask',
  question,
  step,
  state,
});

export const finish = <S>(
  outcome: ActivityOutcome,
  reason: string | null = null,
): StepResult<S> => ({
  type: 'finish',
  outcome,
  reason,
});

/** Erases a handler's state type so handlers of every kind fit in one registry. */
export function defineHandler<S>(handler: ActivityHandler<S>): ActivityHandler {
  return handler as unknown as ActivityHandler;
}
