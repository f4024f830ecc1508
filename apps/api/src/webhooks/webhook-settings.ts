import { ConfigError } from '../config/app-config';

/** How deliveries are retried; read from the environment when the module starts. */
export interface WebhookSettings {
  /** Delay before the second attempt; every later one doubles it (capped by `maxDelayMs`). */
  retryBaseMs: number;
  maxDelayMs: number;
  /** After this many failed attempts a delivery is marked `failed` and never sent again. */
  maxAttempts: number;
  /** How often the database is asked for due deliveries (new events also wake it at once). */
  pollIntervalMs: number;
  /** A receiver that answers slower than this counts as a failed attempt. */
  timeoutMs: number;
}

export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');

function positive(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  unit = 1,
  fractions = true,
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') {
    return fallback;
  }

  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`${name} must be a positive number, got "${raw}"`);
  }
  if (!fractions && !Number.isInteger(value)) {
    throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  }

  return Math.round(value * unit);
}

export function loadWebhookSettings(env: NodeJS.ProcessEnv): WebhookSettings {
  const maxAttempts = positive(env, 'WEBHOOK_MAX_ATTEMPTS', 8, 1, false);

  return {
    retryBaseMs: positive(env, 'WEBHOOK_RETRY_BASE_SECONDS', 30_000, 1000),
    maxDelayMs: positive(env, 'WEBHOOK_RETRY_MAX_SECONDS', 6 * 3600_000, 1000),
    maxAttempts,
    pollIntervalMs: positive(env, 'WEBHOOK_POLL_SECONDS', 5_000, 1000),
    timeoutMs: positive(env, 'WEBHOOK_TIMEOUT_SECONDS', 10_000, 1000),
  };
}

/** Delay after the given failed attempt (1-based): base, 2×base, 4×base, … up to the cap. */
export function retryDelayMs(settings: WebhookSettings, failedAttempt: number): number {
  return Math.min(settings.maxDelayMs, settings.retryBaseMs * 2 ** (failedAttempt - 1));
}
