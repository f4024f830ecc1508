import type { QueueDriver } from './queue-driver';

/** The embedded default: ids wait in memory; on boot the worker refills it from the database. */
export class InProcessQueue implements QueueDriver {
  readonly name = 'in-process';
  private readonly waiting: string[] = [];
  private readonly waitingSet = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private work: ((activityId: string) => Promise<void>) | null = null;
  private active = 0;
  private closed = false;

  constructor(private readonly concurrency = 4) {}

  async enqueue(activityId: string, delayMs = 0): Promise<void> {
    if (this.closed) {
      return;
    }
    if (delayMs > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.push(activityId);
      }, delayMs);
      this.timers.add(timer);

      return;
    }

    this.push(activityId);
  }

  async depth(): Promise<number> {
    return this.waiting.length + this.timers.size;
  }

  async consume(work: (activityId: string) => Promise<void>): Promise<void> {
    this.work = work;
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private push(activityId: string): void {
    // The same id twice in the waiting line would only make the second run find nothing to do.
    if (!this.waitingSet.has(activityId)) {
      this.waitingSet.add(activityId);
      this.waiting.push(activityId);
    }
    this.pump();
  }

  private pump(): void {
    while (this.work && !this.closed && this.active < this.concurrency && this.waiting.length > 0) {
      const activityId = this.waiting.shift() as string;
      this.waitingSet.delete(activityId);
      this.active += 1;
      const job = this.work(activityId).finally(() => {
        this.active -= 1;
        this.inFlight.delete(job);
        this.pump();
      });
      this.inFlight.add(job);
    }
  }
}
