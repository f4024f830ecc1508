import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import { type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { LIVE_SOCKET_PATH } from '@autobuy/contracts';
import type { Server } from 'socket.io';

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
export class ActivitiesGateway implements OnGatewayInit, OnApplicationShutdown {
  private hub: LiveHub | null = null;
  private detachRedis: Promise<() => Promise<void>> | null = null;

  constructor(
    @Inject(ACTIVITIES_ENGINE) private readonly engine: ActivitiesEngine,
    @Inject(ACTIVITIES_OPTIONS) private readonly options: ActivitiesModuleOptions,
    @Inject(LIVE_AUTHENTICATOR) private readonly authenticator: LiveAuthenticator,
  ) {}

  afterInit(server: Server): void {
    const { redisUrl, allowedOrigins } = this.options;
    if (redisUrl) {
      this.detachRedis = attachRedisAdapter(server, redisUrl);
    }
    this.hub = new LiveHub(
      server,
      this.engine.bus,
      this.engine.events,
      this.engine.store,
      this.authenticator,
      { allowedOrigins, relay: redisUrl !== null },
    );
    this.hub.attach();
  }

  async onApplicationShutdown(): Promise<void> {
    this.hub?.detach();
    const detach = await this.detachRedis;
    await detach?.();
  }
}
