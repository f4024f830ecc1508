import './support/quiet-logs';

import { randomUUID } from 'node:crypto';

import IORedis from 'ioredis';

import { BullMqQueue } from '../../src/activities/queue/bullmq-queue';
import { describeActivityBehaviour } from './behaviour.suite';
import { describeWorkerProcesses } from './process.suite';
import { describeWith } from './support/services';
import { createPostgresDatabase, REDIS_URL } from './support/test-database';

const prefix = `test-activities-${randomUUID().slice(0, 8)}`;

describeWith(['postgres', 'redis'], 'activities on PostgreSQL with the BullMQ queue', () => {
  afterAll(async () => {
    const redis = new IORedis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) {
      await redis.del(...keys);
    }
    await redis.quit();
  });

  describeActivityBehaviour(() => ({
    createDatabase: createPostgresDatabase,
    drivers: {
      name: 'bullmq',
      create: () => new BullMqQueue({ redisUrl: REDIS_URL, prefix, concurrency: 4 }),
    },
  }));
});

describeWith(
  ['postgres', 'redis'],
  'activities on PostgreSQL with BullMQ workers in separate processes',
  () => {
    describeWorkerProcesses(() => ({
      createDatabase: createPostgresDatabase,
      drivers: {
        name: 'bullmq',
        create: () => new BullMqQueue({ redisUrl: REDIS_URL, prefix, concurrency: 4 }),
      },
      workerDriver: { type: 'bullmq', redisUrl: REDIS_URL, prefix },
    }));
  },
);
