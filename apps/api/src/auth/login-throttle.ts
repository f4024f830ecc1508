import { Injectable } from '@nestjs/common';

const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;
const SWEEP_THRESHOLD = 10_000;

/**
 * Counts failed logins per login name and client address. Kept in this process's memory: with
 * several API instances each one counts on its own, which multiplies the allowed attempts.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  get trackedKeys(): number {
    return this.failures.size;
  }

  /** Seconds to wait before the next attempt, or 0 when an attempt is allowed now. */
  retryAfterSeconds(login: string, ip: string | null, now = Date.now()): number {
    const recent = this.recent(this.key(login, ip), now);
    if (recent.length < MAX_FAILURES) {
      return 0;
    }

    return Math.max(1, Math.ceil((recent[0] + WINDOW_MS - now) / 1000));
  }

  recordFailure(login: string, ip: string | null, now = Date.now()): void {
    // Guessed logins that never come back would otherwise pile up in memory.
    if (this.failures.size >= SWEEP_THRESHOLD) {
      for (const stale of [...this.failures.keys()]) {
        this.recent(stale, now);
      }
    }

    const key = this.key(login, ip);
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  reset(login: string, ip: string | null): void {
    this.failures.delete(this.key(login, ip));
  }

  private key(login: string, ip: string | null): string {
    return `${login.trim().toLowerCase()}|${ip ?? '-'}`;
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    if (recent.length === 0) {
      this.failures.delete(key);
    }

    return recent;
  }
}
