// A worker process for the crash and multi-process tests: it opens the test database, builds the
// engine with the test handlers and runs until it is killed.
import './quiet-logs-process';

import { createActivitiesEngine } from '../../../src/activities';
import { BullMqQueue } from '../../../src/activities/queue/bullmq-queue';
import { InProcessQueue } from '../../../src/activities/queue/in-process-queue';
import type { QueueDriver } from '../../../src/activities/queue/queue-driver';
import { type DatabaseSpec, openDatabase } from './test-database';
import { TEST_HANDLERS, TEST_KINDS } from './test-handlers';

export interface WorkerProcessConfig {
  database: DatabaseSpec;
  driver: { type: 'in-process' } | { type: 'bullmq'; redisUrl: string; prefix: string };
  leaseTtlMs: number;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.ACTIVITY_WORKER_CONFIG ?? '') as WorkerProcessConfig;
  const dataSource = await openDatabase(config.database);
  const driver: QueueDriver =
    config.driver.type === 'bullmq'
      ? new BullMqQueue({ redisUrl: config.driver.redisUrl, prefix: config.driver.prefix })
      : new InProcessQueue(4);
  const engine = createActivitiesEngine(dataSource, {
    handlers: TEST_HANDLERS,
    requiredKinds: TEST_KINDS,
    driver,
    leaseTtlMs: config.leaseTtlMs,
    busyRetryMs: 100,
    sweepIntervalMs: 0,
    // The in-process driver cannot hand ids between processes; each one polls the database.
    pollIntervalMs: config.driver.type === 'in-process' ? 100 : 0,
  });
  await engine.worker.start();
  process.stdout.write('ready\n');

  process.once('SIGTERM', () => {
    void engine.worker
      .stop()
      .then(() => dataSource.destroy())
      .then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${String(error)}\n`);
  process.exit(1);
});
