import { Logger } from '@nestjs/common';

import type { QueueDriver } from '../queue/queue-driver';
import type { ActivityStore } from '../store/activity-store';
import type { ActivityRunner } from './activity-runner';
import type { DeadlineSweeper } from './deadline-sweeper';

export interface WorkerOptions {
  /** How long to wait before trying again an activity whose account is busy. */
  busyRetryMs: number;
  /** How often overdue questions are looked for; 0 turns the timer off (tests sweep by hand). */
  sweepIntervalMs: number;
  /**
   * How often the database is scanned for runnable activities; 0 turns it off. Only needed when
   * several processes share the in-process driver, which cannot hand ids between them.
   */
  pollIntervalMs: number;
}

/** The worker role: takes ids from the queue driver, runs them, and keeps the queue honest. */
export class ActivityWorker {
  private readonly logger = new Logger('ActivityWorker');
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly driver: QueueDriver,
    private readonly runner: ActivityRunner,
    private readonly store: ActivityStore,
    private readonly sweeper: DeadlineSweeper,
    private readonly options: WorkerOptions,
  ) {}

  async start(): Promise<void> {
    await this.driver.consume((activityId) => this.handle(activityId));
    const recovered = await this.recover();
    this.logger.log(
      `Worker started on the ${this.driver.name} queue; ${recovered} activities to pick up`,
    );

    if (this.options.sweepIntervalMs > 0) {
      this.every(this.options.sweepIntervalMs, () => this.sweeper.sweep(Date.now()));
    }
    if (this.options.pollIntervalMs > 0) {
      this.every(this.options.pollIntervalMs, () => this.recover());
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) {
      clearInterval(timer);
    }
    await this.driver.close();
  }

  /** Queues whatever the database says is runnable: queued, interrupted, answered. */
  async recover(): Promise<number> {
    const activities = await this.store.findRecoverable();
    for (const activity of activities) {
      if (activity.state === 'waiting_for_operator') {
        // Answered, but the process died before moving it back to the queue.
        await this.store.transition(activity.id, 'queued', {}, 'Queued again with its answer', {
          from: ['waiting_for_operator'],
        });
      }
      await this.driver.enqueue(activity.id);
    }

    return activities.length;
  }

  private async handle(activityId: string): Promise<void> {
    try {
      const result = await this.runner.run(activityId);
      if (result === 'busy') {
        await this.driver.enqueue(activityId, this.options.busyRetryMs);

        return;
      }

      // The account is free again: its next queued activity need not wait for a retry timer.
      const activity = await this.store.find(activityId);
      if (activity?.accountId) {
        for (const nextId of await this.store.queuedForAccount(activity.accountId)) {
          await this.driver.enqueue(nextId);
        }
      }
    } catch (error) {
      this.logger.error(`Activity ${activityId} could not be run: ${String(error)}`);
      await this.driver.enqueue(activityId, this.options.busyRetryMs);
    }
  }

  private every(ms: number, task: () => Promise<unknown>): void {
    const timer = setInterval(() => {
      task().catch((error: unknown) =>
        this.logger.warn(`Background task failed: ${String(error)}`),
      );
    }, ms);
    this.timers.push(timer);
  }
}
