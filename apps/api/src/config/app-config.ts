import { resolve } from 'node:path';

import type { LogLevel } from '@nestjs/common';

export type ProcessRole = 'all' | 'api' | 'worker';

/** Cost of argon2id hashing. Production uses the defaults; only tests lower them, via config. */
export interface PasswordHashingConfig {
  memoryCostKib: number;
  timeCost: number;
  parallelism: number;
}

export interface AppConfig {
  role: ProcessRole;
  port: number;
  host: string;
  dataDir: string;
  /** `postgres://…` selects PostgreSQL; anything else (or nothing) the embedded SQLite file. */
  databaseUrl: string | null;
  /** Password for the first `admin`; when null a random one is generated and printed once. */
  adminPassword: string | null;
  sandboxUrl: string;
  adminDist: string;
  /** null: seed demo data only on a fresh SQLite install. */
  demoData: boolean | null;
  corsOrigins: string[];
  logLevels: LogLevel[];
  /** Key for secrets stored at rest (32 bytes, base64); null: generated once under DATA_DIR. */
  secretKey: string | null;
  sessionTtlHours: number;
  passwordHashing: PasswordHashingConfig;
  /** With a URL: BullMQ queue and Socket.IO Redis adapter; without: in-process, one instance. */
  redisUrl: string | null;
  /** Keeps the queues and channels of deployments (or test runs) sharing one Redis apart. */
  redisPrefix: string;
  /** Provider cookie vault keys (32 bytes, base64), newest first; empty: a key file in DATA_DIR. */
  vaultKeys: string[];
  /** Chromium for browser providers; null: CHROMIUM_PATH resolution of the adapter library. */
  chromiumPath: string | null;
  /** Taobao host overrides by host name (`login`, `www`, `item`, …), from TAOBAO_<HOST>_URL. */
  taobaoUrls: Record<string, string>;
  /** Base URL of the Kitmall API; default the Sandbox's Kitmall API. */
  kitmallUrl: string;
  /** How often every active provider session is checked and kept alive. */
  sessionCheckIntervalMs: number;
  /** How often the orders of every active provider session are synchronized in the background. */
  syncIntervalMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export const DEFAULT_PASSWORD_HASHING: PasswordHashingConfig = {
  memoryCostKib: 19456,
  timeCost: 2,
  parallelism: 1,
};

const LOG_LEVEL_ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The admin build that sits beside this app in the workspace (same path from src/ and dist/). */
export const DEFAULT_ADMIN_DIST = resolve(__dirname, '../../../admin/dist');

export class ConfigError extends Error {}

function parsePort(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') {
    return fallback;
  }

  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${name} must be a port number between 0 and 65535, got "${value}"`);
  }

  return port;
}

function parseFlag(value: string | undefined, name: string): boolean | null {
  if (value === undefined || value === '') {
    return null;
  }
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) {
    return true;
  }
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) {
    return false;
  }

  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

/** A duration given in seconds (the fallback too), returned in milliseconds. */
function parsePositiveSeconds(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') {
    return fallback * 1000;
  }

  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new ConfigError(`${name} must be a positive number of seconds, got "${value}"`);
  }

  return seconds * 1000;
}

const TAOBAO_HOST_NAMES = ['login', 'www', 'item', 'cart', 'buy', 'buyertrade', 'trade'];

function parseTaobaoUrls(env: NodeJS.ProcessEnv): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const host of TAOBAO_HOST_NAMES) {
    const value = env[`TAOBAO_${host.toUpperCase()}_URL`]?.trim();
    if (value) {
      urls[host] = value.replace(/\/+$/, '');
    }
  }

  return urls;
}

function parseLogLevels(value: string | undefined): LogLevel[] {
  const level = (value ?? 'log').toLowerCase() as LogLevel;
  const index = LOG_LEVEL_ORDER.indexOf(level);
  if (index < 0) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVEL_ORDER.join(', ')}, got "${value}"`);
  }

  return LOG_LEVEL_ORDER.slice(0, index + 1);
}

export function parseRole(argv: readonly string[]): ProcessRole {
  const arg = argv.find((a) => a.startsWith('--role='));
  const role = arg ? arg.slice('--role='.length) : 'all';
  if (role !== 'all' && role !== 'api' && role !== 'worker') {
    throw new ConfigError(`--role must be all, api or worker, got "${role}"`);
  }

  return role;
}

/** Reads the whole configuration from the environment, failing early with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv, role: ProcessRole = 'all'): AppConfig {
  const nonEmpty = (name: string): string | null => {
    const value = env[name];

    return value === undefined || value.trim() === '' ? null : value.trim();
  };

  const sandboxUrl = (nonEmpty('SANDBOX_URL') ?? 'http://127.0.0.1:3100').replace(/\/+$/, '');

  return {
    role,
    port: parsePort(env.PORT, 'PORT', 3000),
    host: nonEmpty('HOST') ?? '127.0.0.1',
    dataDir: resolve(nonEmpty('DATA_DIR') ?? './data'),
    databaseUrl: nonEmpty('DATABASE_URL'),
    adminPassword: nonEmpty('ADMIN_PASSWORD'),
    sandboxUrl,
    adminDist: resolve(nonEmpty('ADMIN_DIST') ?? DEFAULT_ADMIN_DIST),
    demoData: parseFlag(env.DEMO_DATA, 'DEMO_DATA'),
    corsOrigins: (nonEmpty('CORS_ORIGINS') ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== ''),
    logLevels: parseLogLevels(nonEmpty('LOG_LEVEL') ?? undefined),
    secretKey: nonEmpty('SECRET_KEY'),
    sessionTtlHours: 24 * 7,
    passwordHashing: DEFAULT_PASSWORD_HASHING,
    redisUrl: nonEmpty('REDIS_URL'),
    redisPrefix: nonEmpty('REDIS_PREFIX') ?? 'autobuy',
    vaultKeys: (nonEmpty('VAULT_KEYS') ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
    chromiumPath: nonEmpty('CHROMIUM_PATH'),
    taobaoUrls: parseTaobaoUrls(env),
    kitmallUrl: (nonEmpty('KITMALL_URL') ?? `${sandboxUrl}/kitmall/api/v1`).replace(/\/+$/, ''),
    sessionCheckIntervalMs: parsePositiveSeconds(
      env.SESSION_CHECK_INTERVAL_SECONDS,
      'SESSION_CHECK_INTERVAL_SECONDS',
      600,
    ),
    syncIntervalMs: parsePositiveSeconds(env.SYNC_INTERVAL_SECONDS, 'SYNC_INTERVAL_SECONDS', 900),
  };
}

export function isPostgres(config: Pick<AppConfig, 'databaseUrl'>): boolean {
  return config.databaseUrl !== null && /^postgres(ql)?:\/\//.test(config.databaseUrl);
}
