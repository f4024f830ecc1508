import { EventEmitter } from 'node:events';

import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';

import { APP_CONFIG, type AppConfig } from '../config/app-config';

export type BusListener = (message: Record<string, unknown>) => void;

/**
 * Messages of the sessions between processes: popup logins (attach, frames, input) and session
 * changes. In one process it is an event emitter; with REDIS_URL it is Redis pub/sub, so a popup
 * served by an API process can drive a login running in a worker process.
 */
export interface SessionsBus {
  publish(channel: string, message: Record<string, unknown>): void;
  /** Resolves once messages published from now on are delivered; returns the unsubscribe. */
  subscribe(channel: string, listener: BusListener): Promise<() => void>;
  close(): Promise<void>;
}

export class LocalSessionsBus implements SessionsBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(channel: string, message: Record<string, unknown>): void {
    // Asynchronous like Redis, so both drivers order and interleave messages the same way.
    setImmediate(() => this.emitter.emit(channel, message));
  }

  async subscribe(channel: string, listener: BusListener): Promise<() => void> {
    this.emitter.on(channel, listener);

    return () => this.emitter.off(channel, listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

export class RedisSessionsBus implements SessionsBus {
  private readonly logger = new Logger('SessionsBus');
  private readonly publisher: IORedis;
  private readonly subscriber: IORedis;
  private readonly listeners = new Map<string, Set<BusListener>>();

  constructor(
    redisUrl: string,
    private readonly prefix = 'autobuy:sessions:',
  ) {
    this.publisher = new IORedis(redisUrl, { maxRetriesPerRequest: null });
    this.subscriber = new IORedis(redisUrl, { maxRetriesPerRequest: null });
    this.subscriber.on('message', (channel: string, text: string) => {
      const listeners = this.listeners.get(channel.slice(this.prefix.length));
      if (!listeners) {
        return;
      }
      const message = JSON.parse(text) as Record<string, unknown>;
      for (const listener of listeners) {
        listener(message);
      }
    });
  }

  publish(channel: string, message: Record<string, unknown>): void {
    this.publisher
      .publish(this.prefix + channel, JSON.stringify(message))
      .catch((error: unknown) => {
        this.logger.warn(`Could not publish on ${channel}: ${String(error)}`);
      });
  }

  async subscribe(channel: string, listener: BusListener): Promise<() => void> {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(listener);
    // Subscribing twice is harmless; awaiting it means the channel is live for this listener.
    await this.subscriber.subscribe(this.prefix + channel);

    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(channel) === set) {
        this.listeners.delete(channel);
        this.subscriber.unsubscribe(this.prefix + channel).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await Promise.all([this.publisher.quit(), this.subscriber.quit()]).catch(() => undefined);
  }
}

/** The bus of this process, chosen by REDIS_URL. */
@Injectable()
export class SessionsBusProvider implements OnApplicationShutdown {
  readonly bus: SessionsBus;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.bus = config.redisUrl
      ? new RedisSessionsBus(config.redisUrl, `${config.redisPrefix}:sessions:`)
      : new LocalSessionsBus();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
