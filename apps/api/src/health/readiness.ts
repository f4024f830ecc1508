import { accessSync, constants } from 'node:fs';

import { Inject, Injectable } from '@nestjs/common';
import { resolveChromiumPath } from '@autobuy/provider-adapters';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ProviderAdapters } from '../sessions/provider-adapters';

export type CheckState = 'ok' | 'error';

/** The dependencies this process needs; only the ones its configuration and role use appear. */
export interface ReadinessChecks {
  database: CheckState;
  redis?: CheckState;
  browserPool?: CheckState;
}

// A probe that hangs is as bad as one that fails: a load balancer needs an answer in time.
const CHECK_TIMEOUT_MS = 2_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });

  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function state(check: () => Promise<unknown>): Promise<CheckState> {
  try {
    await within(check(), CHECK_TIMEOUT_MS);

    return 'ok';
  } catch {
    return 'error';
  }
}

/** Checks each dependency the way the process uses it: a query, a PING, Chromium on disk. */
@Injectable()
export class Readiness {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapters: ProviderAdapters,
  ) {}

  async check(): Promise<ReadinessChecks> {
    const [database, redis, browserPool] = await Promise.all([
      state(() => this.dataSource.query('SELECT 1')),
      this.config.redisUrl ? state(() => this.pingRedis(this.config.redisUrl as string)) : null,
      // An API-only process never opens a browser; workers and the single process do.
      this.config.role === 'api' ? null : state(async () => this.checkBrowserPool()),
    ]);

    return {
      database,
      ...(redis ? { redis } : {}),
      ...(browserPool ? { browserPool } : {}),
    };
  }

  /** A connection of its own per probe: the queue's clients retry silently and would hide it. */
  private async pingRedis(url: string): Promise<void> {
    const client = new IORedis(url, {
      lazyConnect: true,
      connectTimeout: CHECK_TIMEOUT_MS,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
    } finally {
      client.disconnect();
    }
  }

  /**
   * Chromium starts with the first browser job, so readiness checks what that start needs: the
   * executable is there, and every browser already running is still connected.
   */
  private checkBrowserPool(): void {
    accessSync(resolveChromiumPath(this.config.chromiumPath ?? undefined), constants.X_OK);
    const pool = this.adapters.browserPool();
    if (pool.browsers().some((browser) => !browser.connected)) {
      throw new Error('a pooled Chromium lost its connection');
    }
  }
}
