/** Failed attempts allowed per login name and client address within one window. */
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** The key failures are counted under: the login as typed (trimmed, any case) and the address. */
export function attemptKey(login: string, ip: string | null): string {
  return `${login.trim().toLowerCase()}|${ip ?? '-'}`.slice(0, 400);
}

/**
 * Seconds to wait before the next attempt given the recent failures of one key (how many, and
 * when the oldest one within the window happened), or 0 when an attempt is allowed now.
 */
export function retryAfterSeconds(recentFailures: number, oldestMs: number, now: number): number {
  if (recentFailures < MAX_LOGIN_FAILURES) {
    return 0;
  }

  return Math.max(1, Math.ceil((oldestMs + LOGIN_FAILURE_WINDOW_MS - now) / 1000));
}
