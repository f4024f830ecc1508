import type { DataSource } from 'typeorm';

import { ActivitiesService } from './activities.service';
import { ActivityMetrics } from './activity-metrics';
import type { ActivityHandler } from './handlers/activity-handler';
import { HandlerRegistry } from './handlers/handler-registry';
import { type ActivityEventBus, LocalEventBus } from './live/event-bus';
import { LiveChannel } from './live/live-channel';
import type { QueueDriver } from './queue/queue-driver';
import { ActivityRunner } from './runner/activity-runner';
import { ActivityWorker } from './runner/activity-worker';
import { DeadlineSweeper } from './runner/deadline-sweeper';
import { AccountLeases } from './store/account-leases';
import { ActivityStore } from './store/activity-store';
import { EventLog } from './store/event-log';
import { QuestionStore } from './store/question-store';

export interface EngineOptions {
  handlers: ActivityHandler[];
  /** Kinds that must have a handler; the product's five unless a test says otherwise. */
  requiredKinds?: readonly string[];
  driver: QueueDriver;
  bus?: ActivityEventBus;
  leaseTtlMs?: number;
  busyRetryMs?: number;
  sweepIntervalMs?: number;
  pollIntervalMs?: number;
}

/** Every part of the engine, wired once; the Nest module and the tests both build it here. */
export function createActivitiesEngine(dataSource: DataSource, options: EngineOptions) {
  const registry = new HandlerRegistry(options.handlers, options.requiredKinds);
  const bus = options.bus ?? new LocalEventBus();
  const events = new EventLog(dataSource, bus);
  const live = new LiveChannel(bus);
  const store = new ActivityStore(dataSource, events, bus);
  const questions = new QuestionStore(dataSource);
  const leases = new AccountLeases(dataSource);
  const metrics = new ActivityMetrics();
  const leaseTtlMs = options.leaseTtlMs ?? 30_000;
  const runner = new ActivityRunner(
    { store, events, questions, leases, registry, metrics },
    { leaseTtlMs },
  );
  const sweeper = new DeadlineSweeper(questions, store, events, options.driver);
  const worker = new ActivityWorker(options.driver, runner, store, sweeper, {
    busyRetryMs: options.busyRetryMs ?? 1_000,
    sweepIntervalMs: options.sweepIntervalMs ?? 5_000,
    pollIntervalMs: options.pollIntervalMs ?? 0,
  });
  const service = new ActivitiesService(store, questions, events, options.driver, registry);

  return {
    live,
    registry,
    bus,
    events,
    store,
    questions,
    leases,
    metrics,
    /** The queue driver, read by the metrics endpoint for the queue's depth. */
    driver: options.driver,
    runner,
    sweeper,
    worker,
    service,
  };
}

export type ActivitiesEngine = ReturnType<typeof createActivitiesEngine>;
