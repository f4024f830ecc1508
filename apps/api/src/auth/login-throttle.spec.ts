import { LoginThrottle } from './login-throttle';

const MINUTE = 60_000;

describe(LoginThrottle.name, () => {
  it('should allow five failures, block the sixth attempt, and allow again after 15 minutes', () => {
    const sut = new LoginThrottle();
    const start = 1_000_000;
    for (let i = 0; i < 5; i += 1) {
      expect(sut.retryAfterSeconds('anna', '10.0.0.1', start + i)).toBe(0);
      sut.recordFailure('anna', '10.0.0.1', start + i);
    }

    expect(sut.retryAfterSeconds('anna', '10.0.0.1', start + 10)).toBe(15 * 60);
    expect(sut.retryAfterSeconds('anna', '10.0.0.1', start + 14 * MINUTE)).toBe(60);
    expect(sut.retryAfterSeconds('anna', '10.0.0.1', start + 15 * MINUTE + 5)).toBe(0);
  });

  it('should count per login (case-insensitive) and per address', () => {
    const sut = new LoginThrottle();
    for (let i = 0; i < 5; i += 1) {
      sut.recordFailure('Anna', '10.0.0.1', 1000);
    }

    expect(sut.retryAfterSeconds('anna ', '10.0.0.1', 1001)).toBeGreaterThan(0);
    expect(sut.retryAfterSeconds('anna', '10.0.0.2', 1001)).toBe(0);
    expect(sut.retryAfterSeconds('boris', '10.0.0.1', 1001)).toBe(0);
  });

  it('should forget failures after a successful login', () => {
    const sut = new LoginThrottle();
    for (let i = 0; i < 5; i += 1) {
      sut.recordFailure('anna', null, 1000);
    }
    sut.reset('anna', null);

    expect(sut.retryAfterSeconds('anna', null, 1001)).toBe(0);
  });

  it('should drop stale entries once many guessed logins pile up', () => {
    const sut = new LoginThrottle();
    for (let i = 0; i < 10_000; i += 1) {
      sut.recordFailure(`guess-${i}`, '10.0.0.9', 0);
    }

    sut.recordFailure('late', '10.0.0.9', 16 * MINUTE);

    expect(sut.trackedKeys).toBe(1);
  });
});
