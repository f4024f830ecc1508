import './support/quiet-logs';

import { InProcessQueue } from '../../src/activities/queue/in-process-queue';
import { describeActivityBehaviour } from './behaviour.suite';
import { describeWorkerProcesses } from './process.suite';
import { createSqliteDatabase } from './support/test-database';

describe('activities on SQLite with the in-process queue', () => {
  describeActivityBehaviour(() => ({
    createDatabase: createSqliteDatabase,
    drivers: { name: 'in-process', create: () => new InProcessQueue(4) },
  }));
});

describe('activities on SQLite with in-process workers in separate processes', () => {
  describeWorkerProcesses(() => ({
    createDatabase: createSqliteDatabase,
    drivers: { name: 'in-process', create: () => new InProcessQueue(4) },
    workerDriver: { type: 'in-process' },
  }));
});
