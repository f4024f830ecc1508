import {
  attemptKey,
  LOGIN_FAILURE_WINDOW_MS,
  MAX_LOGIN_FAILURES,
  retryAfterSeconds,
} from './login-throttle-window';

const MINUTE = 60_000;

describe('login throttle window', () => {
  it('should allow attempts until five failures, then wait until the oldest leaves the window', () => {
    const start = 1_000_000;

    expect(retryAfterSeconds(MAX_LOGIN_FAILURES - 1, start, start + 10)).toBe(0);
    expect(retryAfterSeconds(MAX_LOGIN_FAILURES, start, start)).toBe(15 * 60);
    expect(retryAfterSeconds(MAX_LOGIN_FAILURES, start, start + 14 * MINUTE)).toBe(60);
    expect(retryAfterSeconds(MAX_LOGIN_FAILURES, start, start + LOGIN_FAILURE_WINDOW_MS - 1)).toBe(
      1,
    );
  });

  it('should count per login (trimmed, any case) and per address', () => {
    expect(attemptKey('Anna ', '10.0.0.1')).toBe(attemptKey('anna', '10.0.0.1'));
    expect(attemptKey('anna', '10.0.0.1')).not.toBe(attemptKey('anna', '10.0.0.2'));
    expect(attemptKey('anna', null)).not.toBe(attemptKey('boris', null));
  });

  it('should keep a key within its column even for an absurdly long login', () => {
    expect(attemptKey('x'.repeat(5000), '10.0.0.1').length).toBe(400);
  });
});
