import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';

import type { QueueDriver } from './queue-driver';

export interface BullMqQueueOptions {
  redisUrl: string;
  /** Separates deployments (and test runs) sharing one Redis. */
  prefix?: string;
  concurrency?: number;
}

const QUEUE_NAME = 'activities';

/** Several worker processes share one BullMQ queue on Redis. */
export class BullMqQueue implements QueueDriver {
  readonly name = 'bullmq';
  private readonly connection: IORedis;
  private readonly queue: Queue;
  private worker: Worker | null = null;
  private workerConnection: IORedis | null = null;

  constructor(private readonly options: BullMqQueueOptions) {
    this.connection = new IORedis(options.redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue(QUEUE_NAME, {
      connection: this.connection,
      prefix: options.prefix,
      defaultJobOptions: { removeOnComplete: true, removeOnFail: 1000, attempts: 1 },
    });
  }

  async enqueue(activityId: string, delayMs = 0): Promise<void> {
    await this.queue.add('run', { activityId }, delayMs > 0 ? { delay: delayMs } : {});
  }

  async depth(): Promise<number> {
    return this.queue.getJobCountByTypes('waiting', 'delayed', 'prioritized');
  }

  async consume(work: (activityId: string) => Promise<void>): Promise<void> {
    this.workerConnection = new IORedis(this.options.redisUrl, { maxRetriesPerRequest: null });
    this.worker = new Worker(
      QUEUE_NAME,
      async (job) => work((job.data as { activityId: string }).activityId),
      {
        connection: this.workerConnection,
        prefix: this.options.prefix,
        concurrency: this.options.concurrency ?? 4,
      },
    );
    await this.worker.waitUntilReady();
  }

  async close(): Promise<void> {
    if (this.worker) {
      await this.worker.close();
    }
    await this.workerConnection?.quit().catch(() => undefined);
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }
}
