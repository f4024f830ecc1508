import type { ActivityState } from '@autobuy/contracts';

/** Upper bounds (seconds) of the step duration histogram: from a page click to a long sync. */
export const STEP_DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

export interface StepDurationSnapshot {
  kind: string;
  step: string;
  /** Cumulative counts per bucket of STEP_DURATION_BUCKETS, then the +Inf count. */
  buckets: number[];
  sumSeconds: number;
  count: number;
}

export interface ActivityMetricsSnapshot {
  /** Activities that reached each end state (or suspended) in this process, by kind. */
  outcomes: Record<string, Partial<Record<ActivityState, number>>>;
  running: number;
  steps: StepDurationSnapshot[];
  /** Sockets connected to this process's live channel. */
  socketClients: number;
}

/** Counters of this process, read by the metrics endpoint. */
export class ActivityMetrics {
  private readonly outcomes: ActivityMetricsSnapshot['outcomes'] = {};
  private readonly steps = new Map<string, StepDurationSnapshot>();
  private running = 0;
  private socketClients = 0;

  started(): void {
    this.running += 1;
  }

  ended(kind: string, state: ActivityState): void {
    this.running -= 1;
    const byState = (this.outcomes[kind] ??= {});
    byState[state] = (byState[state] ?? 0) + 1;
  }

  /** One handler step ran (successfully or not) for `seconds`. */
  stepTook(kind: string, step: string, seconds: number): void {
    const key = `${kind}\u0000${step}`;
    let entry = this.steps.get(key);
    if (!entry) {
      entry = {
        kind,
        step,
        buckets: new Array<number>(STEP_DURATION_BUCKETS.length + 1).fill(0),
        sumSeconds: 0,
        count: 0,
      };
      this.steps.set(key, entry);
    }
    STEP_DURATION_BUCKETS.forEach((bound, index) => {
      if (seconds <= bound) {
        entry.buckets[index] += 1;
      }
    });
    entry.buckets[STEP_DURATION_BUCKETS.length] += 1;
    entry.sumSeconds += seconds;
    entry.count += 1;
  }

  socketConnected(): void {
    this.socketClients += 1;
  }

  socketDisconnected(): void {
    this.socketClients = Math.max(0, this.socketClients - 1);
  }

  snapshot(): ActivityMetricsSnapshot {
    return {
      outcomes: structuredClone(this.outcomes),
      running: this.running,
      steps: [...this.steps.values()].map((entry) => structuredClone(entry)),
      socketClients: this.socketClients,
    };
  }
}
