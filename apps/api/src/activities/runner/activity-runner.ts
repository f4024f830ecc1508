import { randomUUID } from 'node:crypto';

import { Logger } from '@nestjs/common';
import type { ActivityEventLevel, ActivityState } from '@autobuy/contracts';

import type { ActivityMetrics } from '../activity-metrics';
import type { ActivityEntity } from '../entities/activity.entity';
import type {
  ActivityHandler,
  QuestionAnswer,
  StepContext,
  StepResult,
} from '../handlers/activity-handler';
import type { HandlerRegistry } from '../handlers/handler-registry';
import { toQuestionDto } from '../store/mappers';
import type { AccountLeases } from '../store/account-leases';
import type { ActivityStore } from '../store/activity-store';
import type { EventLog } from '../store/event-log';
import type { QuestionStore } from '../store/question-store';

/**
 * finished: reached a final state; suspended: waits for an operator; busy: its account or the
 * activity itself is held by another run (try again later); gone: nothing left to run.
 */
export type RunResult = 'finished' | 'suspended' | 'busy' | 'gone';

export interface RunnerDeps {
  store: ActivityStore;
  events: EventLog;
  questions: QuestionStore;
  leases: AccountLeases;
  registry: HandlerRegistry;
  metrics: ActivityMetrics;
}

export interface RunnerOptions {
  /** How long a run's hold lasts without a heartbeat; a crashed run is taken over after it. */
  leaseTtlMs: number;
}

interface Run {
  activity: ActivityEntity;
  handler: ActivityHandler;
  token: string;
  leaseLost: boolean;
}

/** Runs one activity from its checkpoint until it finishes, asks, or loses its hold. */
export class ActivityRunner {
  private readonly logger = new Logger('Activities');

  constructor(
    private readonly deps: RunnerDeps,
    private readonly options: RunnerOptions,
  ) {}

  async run(activityId: string): Promise<RunResult> {
    const { store, leases } = this.deps;
    const activity = await store.find(activityId);
    if (!activity || (activity.state !== 'queued' && activity.state !== 'running')) {
      return 'gone';
    }

    const token = randomUUID();
    const nowMs = Date.now();
    const expiresMs = nowMs + this.options.leaseTtlMs;
    if (
      activity.accountId &&
      !(await leases.acquire(activity.accountId, activity.id, token, expiresMs, nowMs))
    ) {
      return 'busy';
    }
    if (!(await store.claim(activity.id, token, expiresMs, nowMs))) {
      await this.releaseAccount(activity, token);

      return 'busy';
    }

    return this.runClaimed(activity, token);
  }

  private async runClaimed(claimed: ActivityEntity, token: string): Promise<RunResult> {
    const { store, registry, metrics } = this.deps;
    const startedMs = Date.now();
    const activity = await store.get(claimed.id);
    if (!registry.has(activity.kind)) {
      await store.transition(
        activity.id,
        'failed',
        { reason: `No handler runs activities of kind "${activity.kind}"`, runnerToken: null },
        `failed: no handler runs activities of kind "${activity.kind}"`,
        { runnerToken: token },
      );
      await this.releaseAccount(activity, token);

      return 'finished';
    }
    const run: Run = { activity, handler: registry.get(activity.kind), token, leaseLost: false };
    const heartbeat = setInterval(() => void this.renew(run), this.options.leaseTtlMs / 3);
    const interrupted = claimed.state === 'running';

    metrics.started();
    this.logger.log(
      `Activity ${activity.id} (${activity.kind}, account ${activity.accountId ?? 'none'}) ` +
        `${interrupted ? 'resumed after an interruption' : 'started'} at step ` +
        `${activity.step ?? run.handler.firstStep}`,
    );
    let outcome: ActivityState = 'running';
    try {
      const result = await this.loop(run, interrupted);
      outcome =
        result === 'suspended' ? 'waiting_for_operator' : (await store.get(activity.id)).state;

      return result;
    } finally {
      clearInterval(heartbeat);
      await this.releaseAccount(activity, token);
      metrics.ended(activity.kind, outcome);
      this.logger.log(
        `Activity ${activity.id} (${activity.kind}, account ${activity.accountId ?? 'none'}) ` +
          `ended ${outcome} after ${Date.now() - startedMs} ms`,
      );
    }
  }

  private async loop(run: Run, interrupted: boolean): Promise<RunResult> {
    const { store, events } = this.deps;
    const { activity, handler, token } = run;
    let step = activity.step ?? handler.firstStep;
    let state = activity.step ? activity.stepState : handler.initialState(activity.input);
    let answer = await this.pendingAnswer(activity);

    await store.update(activity.id, token, {
      step,
      stepState: state,
      startedAt: activity.startedAt ?? new Date(),
    });
    await events.append(activity, {
      type: 'state',
      level: 'info',
      message: interrupted
        ? `Resumed at step ${step} after an interruption`
        : `Running from step ${step}`,
      data: { state: 'running', step },
    });

    for (;;) {
      if (run.leaseLost) {
        // Another run may hold the activity now; writing anything would race with it.
        return 'busy';
      }
      const fresh = await store.get(activity.id);
      if (fresh.cancelRequested) {
        return this.cancel(run, step, state);
      }

      let result: StepResult<unknown>;
      const stepStarted = performance.now();
      try {
        result = await this.runStep(run, step, state, answer);
      } catch (error) {
        this.deps.metrics.stepTook(activity.kind, step, (performance.now() - stepStarted) / 1000);
        const reason = error instanceof Error ? error.message : String(error);
        await this.end(run, 'failed', reason, { failedStep: step });

        return 'finished';
      }
      this.deps.metrics.stepTook(activity.kind, step, (performance.now() - stepStarted) / 1000);

      switch (result.type) {
        case 'next':
          step = result.step;
          state = result.state;
          answer = null;
          await store.update(activity.id, token, {
            step,
            stepState: state,
            pendingQuestionId: null,
          });
          break;
        case 'ask':
          // A cancel that came in during the step wins over waiting for an answer.
          if ((await store.get(activity.id)).cancelRequested) {
            return this.cancel(run, step, result.state);
          }

          return this.suspend(run, result);
        case 'finish':
          await this.end(run, result.outcome, result.reason, {});

          return 'finished';
      }
    }
  }

  private async runStep(
    run: Run,
    step: string,
    state: unknown,
    answer: QuestionAnswer | null,
  ): Promise<StepResult<unknown>> {
    const { handler } = run;
    const body = handler.steps[step];
    if (!body) {
      throw new Error(`Handler "${handler.kind}" has no step "${step}"`);
    }

    return body(this.context(run, state, answer));
  }

  /** Ends a cancelled activity; its handler first gives back what the activity holds. */
  private async cancel(run: Run, step: string, state: unknown): Promise<RunResult> {
    const giveBack = run.handler.onCancelled;
    if (giveBack) {
      try {
        await giveBack(this.context(run, state, null));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await this.end(run, 'failed', `Cancelling did not finish: ${reason}`, {
          failedStep: step,
        });

        return 'finished';
      }
    }
    await this.end(run, 'cancelled', 'Cancelled by an operator', {});

    return 'finished';
  }

  private context(run: Run, state: unknown, answer: QuestionAnswer | null): StepContext<unknown> {
    const { store, events } = this.deps;
    const { activity, token } = run;

    return {
      activity: {
        id: activity.id,
        kind: activity.kind,
        accountId: activity.accountId,
        orderId: activity.orderId,
        input: activity.input,
        attempt: activity.attempt,
      },
      state,
      answer,
      log: async (message, data, level: ActivityEventLevel = 'info') => {
        await events.append(activity, { type: 'log', level, message, data: data ?? null });
      },
      progress: async (counters, message) => {
        await store.mergeCounters(activity, token, counters);
        await events.append(activity, {
          type: 'progress',
          level: 'info',
          message: message ?? 'Progress',
          data: { counters: activity.counters },
        });
      },
      setItemState: async (itemId, itemState, reason) => {
        await store.setItemState(activity, token, itemId, itemState, reason);
        await events.append(activity, {
          type: 'progress',
          level: 'info',
          message: `Item ${itemId}: ${itemState}${reason ? ` (${reason})` : ''}`,
          data: { itemId, state: itemState, reason: reason ?? null },
        });
      },
      moveToAccount: (accountId) => this.moveToAccount(run, accountId),
    };
  }

  /** Takes the other account's lease before letting go of the first: one is always held. */
  private async moveToAccount(run: Run, accountId: string): Promise<boolean> {
    const { store, leases, events } = this.deps;
    const { activity, token } = run;
    const from = activity.accountId;
    if (from === accountId) {
      return true;
    }
    const nowMs = Date.now();
    const expiresMs = nowMs + this.options.leaseTtlMs;
    if (!(await leases.acquire(accountId, activity.id, token, expiresMs, nowMs))) {
      return false;
    }
    await store.update(activity.id, token, { accountId });
    // The heartbeat and the final release read the run's activity, so they follow the move.
    activity.accountId = accountId;
    if (from) {
      await leases.release(from, token);
    }
    await events.append(activity, {
      type: 'log',
      level: 'info',
      message: `Moved from account ${from ?? 'none'} to account ${accountId}`,
      data: { fromAccountId: from, toAccountId: accountId },
    });

    return true;
  }

  private async suspend(
    run: Run,
    result: Extract<StepResult<unknown>, { type: 'ask' }>,
  ): Promise<RunResult> {
    const { store, questions, events } = this.deps;
    const { question: spec } = result;
    if (!spec.options.some((option) => option.id === spec.defaultChoice)) {
      await this.end(
        run,
        'failed',
        `The question's default "${spec.defaultChoice}" is not an option`,
        {
          failedStep: run.activity.step,
        },
      );

      return 'finished';
    }

    const question = await questions.create(run.activity.id, spec, Date.now());
    const waiting = await store.transition(
      run.activity.id,
      'waiting_for_operator',
      {
        step: result.step,
        stepState: result.state,
        pendingQuestionId: question.id,
        runnerToken: null,
        leaseExpiresMs: null,
      },
      `Waiting for an operator: ${spec.prompt}`,
      { runnerToken: run.token },
    );
    if (!waiting) {
      return 'busy';
    }
    await events.append(waiting, {
      type: 'question',
      level: 'warn',
      message: spec.prompt,
      data: { question: toQuestionDto(question) },
    });

    return 'suspended';
  }

  private async end(
    run: Run,
    to: 'succeeded' | 'partly_succeeded' | 'failed' | 'aborted' | 'cancelled',
    reason: string | null,
    patch: { failedStep?: string | null },
  ): Promise<void> {
    await this.deps.store.transition(
      run.activity.id,
      to,
      { ...patch, reason, finishedAt: new Date(), runnerToken: null, leaseExpiresMs: null },
      reason ? `${to}: ${reason}` : to,
      { runnerToken: run.token },
    );
  }

  private async pendingAnswer(activity: ActivityEntity): Promise<QuestionAnswer | null> {
    if (!activity.pendingQuestionId) {
      return null;
    }
    const question = await this.deps.questions.find(activity.pendingQuestionId);
    if (!question || question.choice === null) {
      return null;
    }

    return {
      questionId: question.id,
      choice: question.choice,
      answeredBy: question.answeredBy,
      byDefault: question.answeredByDefault,
    };
  }

  private async renew(run: Run): Promise<void> {
    const expiresMs = Date.now() + this.options.leaseTtlMs;
    try {
      const held = await this.deps.store.update(run.activity.id, run.token, {
        leaseExpiresMs: expiresMs,
      });
      const account = run.activity.accountId
        ? await this.deps.leases.renew(run.activity.accountId, run.token, expiresMs)
        : true;
      if (!held || !account) {
        run.leaseLost = true;
      }
    } catch (error) {
      // A failed heartbeat is not yet a lost lease; the next one may get through.
      this.logger.warn(`Heartbeat of activity ${run.activity.id} failed: ${String(error)}`);
    }
  }

  private async releaseAccount(activity: ActivityEntity, token: string): Promise<void> {
    if (activity.accountId) {
      await this.deps.leases.release(activity.accountId, token);
    }
  }
}
