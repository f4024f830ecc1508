/**
 * Moves activity ids from whoever queues them to a worker. Drivers carry ids only: the database
 * holds every activity's state, so a lost or duplicated message never loses or doubles work.
 */
export interface QueueDriver {
  readonly name: string;
  enqueue(activityId: string, delayMs?: number): Promise<void>;
  /** Starts handing ids to `work` (worker role only); resolves once consuming has begun. */
  consume(work: (activityId: string) => Promise<void>): Promise<void>;
  /** Ids waiting to be handed to a worker, delayed retries included (the metrics' queue depth). */
  depth(): Promise<number>;
  close(): Promise<void>;
}
