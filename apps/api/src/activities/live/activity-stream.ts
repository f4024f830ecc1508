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
  private pending = 0;
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

  get socketId(): string {
    return this.socket.id;
  }

  /**
   * The fast path: when nothing is queued and `event` is the next seq, the caller may send it
   * in one broadcast with other caught-up streams (encoded once for all of them).
   */
  advanceTo(event: ActivityEventDto): boolean {
    if (this.closed || this.pending > 0 || event.seq !== this.lastSeq + 1) {
      return false;
    }
    this.lastSeq = event.seq;

    return true;
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
    this.pending += 1;
    const counted = async (): Promise<void> => {
      try {
        await task();
      } finally {
        this.pending -= 1;
      }
    };
    const run = this.chain.then(counted, counted);
    // A failed read must not block the stream for ever; the client still has its last seq.
    this.chain = run.catch(() => undefined);

    return run;
  }
}
