import {
  Inject,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { LIVE_SOCKET_PATH } from '@autobuy/contracts';
import { Namespace, type Server } from 'socket.io';

import type { ActivitiesEngine } from '../activities-engine';
import {
  ACTIVITIES_ENGINE,
  ACTIVITIES_OPTIONS,
  type ActivitiesModuleOptions,
} from '../activities.tokens';
import { LIVE_AUTHENTICATOR, type LiveAuthenticator } from './live-authenticator';
import { LiveHub } from './live-hub';
import { attachRedisAdapter } from './redis-adapter';

/** The Socket.IO endpoint of the API roles; all of its logic lives in `LiveHub`. */
@WebSocketGateway({ path: LIVE_SOCKET_PATH, serveClient: false })
export class ActivitiesGateway
  implements OnGatewayInit, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('ActivitiesGateway');
  private hub: LiveHub | null = null;
  private detachRedis: Promise<() => Promise<void>> | null = null;

  constructor(
    @Inject(ACTIVITIES_ENGINE) private readonly engine: ActivitiesEngine,
    @Inject(ACTIVITIES_OPTIONS) private readonly options: ActivitiesModuleOptions,
    @Inject(LIVE_AUTHENTICATOR) private readonly authenticator: LiveAuthenticator,
  ) {}

  afterInit(given: Server | Namespace): void {
    // Nest hands over the root namespace, not the server; the adapter belongs to the server.
    const server = given instanceof Namespace ? given.server : given;
    const { redisUrl, allowedOrigins } = this.options;
    if (redisUrl) {
      this.detachRedis = attachRedisAdapter(server, redisUrl);
      this.detachRedis.catch((error: unknown) =>
        this.logger.error(`The live channel could not reach Redis: ${String(error)}`),
      );
    }
    this.hub = new LiveHub(
      server,
      this.engine.bus,
      this.engine.events,
      this.engine.store,
      this.engine.live,
      this.authenticator,
      { allowedOrigins, relay: redisUrl !== null, metrics: this.engine.metrics },
    );
    this.hub.attach();
  }

  /** The app starts serving only once the Redis subscriptions are live. */
  async onApplicationBootstrap(): Promise<void> {
    await this.detachRedis;
  }

  async onApplicationShutdown(): Promise<void> {
    this.hub?.detach();
    const detach = await this.detachRedis;
    await detach?.();
  }
}
