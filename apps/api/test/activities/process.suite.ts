import type { ChildProcess } from 'node:child_process';

import { type DriverFactory, Harness, newAccountId } from './support/harness';
import type { TestDatabase } from './support/test-database';
import { waitFor } from './support/wait-for';
import type { WorkerProcessConfig } from './support/worker-process';
import { killHard, startWorkerProcess, stopGently } from './support/worker-processes';

export interface ProcessSetup {
  createDatabase(): Promise<TestDatabase>;
  /** The parent queues through this driver; it never consumes. */
  drivers: DriverFactory;
  workerDriver: WorkerProcessConfig['driver'];
}

const LEASE_TTL_MS = 1_500;

/** Real worker processes on one database: a crash mid-activity, and two workers sharing. */
export function describeWorkerProcesses(setup: () => ProcessSetup): void {
  let harness: Harness;
  let workerDriver: WorkerProcessConfig['driver'];
  const children: ChildProcess[] = [];

  const startWorker = async (name: string): Promise<ChildProcess> => {
    const child = await startWorkerProcess(
      { database: harness.db.spec, driver: workerDriver, leaseTtlMs: LEASE_TTL_MS },
      name,
    );
    children.push(child);

    return child;
  };

  beforeEach(async () => {
    const current = setup();
    workerDriver = current.workerDriver;
    harness = new Harness(await current.createDatabase(), current.drivers);
  });

  afterEach(async () => {
    harness.openGate('ALL');
    await Promise.all(children.splice(0).map((child) => stopGently(child)));
    await harness.close();
  });

  it('should resume from the last checkpoint after the worker is killed mid-activity', async () => {
    const api = await harness.engine(false);
    const started = await api.service.start({
      kind: 'test.gate',
      summary: 'interrupted by a crash',
      input: harness.input(),
    });
    const first = await startWorker('first');
    await waitFor('the activity to reach its gate', () =>
      harness.traceOf(started.id).includes('enter first'),
    );

    await killHard(first);
    const interrupted = await api.store.get(started.id);
    expect(interrupted).toMatchObject({ state: 'running', step: 'hold' });

    harness.openGate(started.id);
    await startWorker('second');
    await harness.until(api, started.id, ['succeeded']);

    // `before` is behind the checkpoint and never runs again; `hold` runs again from its start.
    expect(harness.traceOf(started.id)).toEqual([
      'before',
      'enter first',
      'enter second',
      'leave second',
      'after',
    ]);
    const messages = (await api.service.eventsAfter(started.id, 0)).map((event) => event.message);
    expect(messages).toContain('Resumed at step hold after an interruption');
  });

  it('should run one activity per account at a time across two worker processes', async () => {
    const api = await harness.engine(false);
    const account = newAccountId();
    const ids: string[] = [];
    for (let index = 0; index < 4; index += 1) {
      const started = await api.service.start({
        kind: 'test.gate',
        accountId: account,
        summary: `activity ${index} on one account`,
        input: harness.input(),
      });
      ids.push(started.id);
    }
    await Promise.all([startWorker('one'), startWorker('two')]);

    const released = new Set<string>();
    for (let round = 0; round < ids.length; round += 1) {
      // Exactly one activity of the account is inside its step; the others wait their turn.
      const holder = await waitFor('an activity of the account to enter its step', () =>
        ids.find(
          (id) => !released.has(id) && harness.traceOf(id).some((line) => line.startsWith('enter')),
        ),
      );
      const running = await api.store.repository.countBy({ accountId: account, state: 'running' });
      expect(running).toBe(1);
      const inside = ids.filter((id) => {
        const lines = harness.traceOf(id);

        return (
          lines.some((line) => line.startsWith('enter')) &&
          !lines.some((line) => line.startsWith('leave'))
        );
      });
      expect(inside).toEqual([holder]);

      released.add(holder);
      harness.openGate(holder);
      await harness.until(api, holder, ['succeeded']);
    }

    for (const id of ids) {
      expect(harness.traceOf(id).map((line) => line.split(' ')[0])).toEqual([
        'before',
        'enter',
        'leave',
        'after',
      ]);
    }
  });
}
