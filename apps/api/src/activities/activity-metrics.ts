import type { ActivityState } from '@autobuy/contracts';

export interface ActivityMetricsSnapshot {
  /** Activities that reached each end state (or suspended) in this process, by kind. */
  outcomes: Record<string, Partial<Record<ActivityState, number>>>;
  running: number;
}

/** Outcome counters of this process, read by the health/metrics endpoint. */
export class ActivityMetrics {
  private readonly outcomes: ActivityMetricsSnapshot['outcomes'] = {};
  private running = 0;

  started(): void {
    this.running += 1;
  }

  ended(kind: string, state: ActivityState): void {
    this.running -= 1;
    const byState = (this.outcomes[kind] ??= {});
    byState[state] = (byState[state] ?? 0) + 1;
  }

  snapshot(): ActivityMetricsSnapshot {
    return { outcomes: structuredClone(this.outcomes), running: this.running };
  }
}
