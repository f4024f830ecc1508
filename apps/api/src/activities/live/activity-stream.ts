import { type ActivityEventDto, LIVE_EVENTS } from '@autobuy/contracts';
import type { Socket } from 'socket.io';

import type { EventLog } from '../store/event-log';

const PAGE = 500;

/**
 * One socket's view of one activity: events leave in seq order, each exactly once. Live events
 * and replays queue on one promise chain; a live event ahead of the last sent one first pulls
 * the missing ones from the database (committed before they were published, so they are there).
 */
export class ActivityStream {
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly socket: Socket,
    readonly activityId: string,
    private lastSeq: number,
    private readonly events: EventLog,
  ) {}

  /** Replays what the client missed; resolves with the last seq it now has. */
  async replay(): Promise<number> {
    await this.enqueue(() => this.fill());

    return this.lastSeq;
  }

  offer(event: ActivityEventDto): void {
    void this.enqueue(async () => {
      if (event.seq <= this.lastSeq) {
        return;
      }
      if (event.seq === this.lastSeq + 1) {
        this.send(event);

        return;
      }
      await this.fill();
    });
  }

  close(): void {
    this.closed = true;
  }

  private async fill(): Promise<void> {
    for (;;) {
      const missing = await this.events.after(this.activityId, this.lastSeq, PAGE);
      for (const event of missing) {
        this.send(event);
      }
      if (missing.length < PAGE) {
        return;
      }
    }
  }

  private send(event: ActivityEventDto): void {
    if (!this.closed) {
      this.socket.emit(LIVE_EVENTS.activityEvent, event);
    }
    this.lastSeq = event.seq;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task, task);
    // A failed read must not block the stream for ever; the client still has its last seq.
    this.chain = run.catch(() => undefined);

    return run;
  }
}
