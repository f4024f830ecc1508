import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ActivityState } from '@autobuy/contracts';

import { type ActivitiesEngine, createActivitiesEngine } from '../../../src/activities';
import type { QueueDriver } from '../../../src/activities/queue/queue-driver';
import type { TestDatabase } from './test-database';
import { TEST_HANDLERS, TEST_KINDS } from './test-handlers';
import { waitFor } from './wait-for';

export interface DriverFactory {
  name: string;
  create(): QueueDriver;
}

/** A test database, an engine on it, and the trace and gate files the test handlers use. */
export class Harness {
  readonly dir = mkdtempSync(join(tmpdir(), 'activities-run-'));
  readonly traceFile = join(this.dir, 'trace.log');
  readonly gateDir = join(this.dir, 'gates');
  private readonly engines: ActivitiesEngine[] = [];

  constructor(
    readonly db: TestDatabase,
    private readonly drivers: DriverFactory,
  ) {
    mkdirSync(this.gateDir);
    writeFileSync(this.traceFile, '');
  }

  /** A new engine on the same database, as a restarted process would build it. */
  async engine(start = true): Promise<ActivitiesEngine> {
    const engine = createActivitiesEngine(this.db.dataSource, {
      handlers: TEST_HANDLERS,
      requiredKinds: TEST_KINDS,
      driver: this.drivers.create(),
      leaseTtlMs: 3_000,
      busyRetryMs: 100,
      sweepIntervalMs: 0,
    });
    this.engines.push(engine);
    if (start) {
      await engine.worker.start();
    }

    return engine;
  }

  input(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { traceFile: this.traceFile, gateDir: this.gateDir, ...extra };
  }

  trace(): string[] {
    return readFileSync(this.traceFile, 'utf8').split('\n').filter(Boolean);
  }

  traceOf(activityId: string): string[] {
    return this.trace()
      .filter((line) => line.startsWith(`${activityId} `))
      .map((line) => line.slice(activityId.length + 1));
  }

  openGate(name: string): void {
    writeFileSync(join(this.gateDir, name), '');
  }

  gateOpen(name: string): boolean {
    return existsSync(join(this.gateDir, name));
  }

  async stopEngine(engine: ActivitiesEngine): Promise<void> {
    await engine.worker.stop();
  }

  async until(
    engine: ActivitiesEngine,
    id: string,
    states: ActivityState[],
  ): Promise<ActivityState> {
    // The state is committed a moment before its event; wait for both, as a client would.
    return waitFor(`activity ${id} to reach ${states.join(' or ')}`, async () => {
      const activity = await engine.store.get(id);
      const events = await engine.events.after(id, 0);
      const last = events.filter((event) => event.type === 'state').pop();
      const settled =
        states.includes(activity.state) &&
        activity.lastSeq === events.length &&
        last?.data?.state === activity.state;

      return settled ? activity.state : undefined;
    });
  }

  async close(): Promise<void> {
    // Open every gate so no handler is left waiting, then stop the workers.
    this.openGate('ALL');
    for (const engine of this.engines) {
      await engine.worker.stop().catch(() => undefined);
    }
    await this.db.drop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const newAccountId = (): string => randomUUID();
