import { Server } from 'socket.io';

import type { ActivitiesEngine } from '../activities-engine';
import { LiveHub } from './live-hub';
import { attachRedisAdapter } from './redis-adapter';

/**
 * The worker role serves no sockets, but its events must reach the API instances' clients:
 * a Socket.IO server that never listens, joined to the others through the Redis adapter.
 */
export class WorkerRelay {
  private readonly server = new Server();
  private hub: LiveHub | null = null;
  private detachRedis: (() => Promise<void>) | null = null;

  constructor(
    private readonly engine: ActivitiesEngine,
    private readonly redisUrl: string,
  ) {}

  async start(): Promise<void> {
    this.detachRedis = await attachRedisAdapter(this.server, this.redisUrl);
    this.hub = new LiveHub(
      this.server,
      this.engine.bus,
      this.engine.events,
      this.engine.store,
      this.engine.live,
      null,
      {
        allowedOrigins: [],
        relay: true,
      },
    );
    this.hub.attach();
  }

  async stop(): Promise<void> {
    this.hub?.detach();
    // The server never listened, so only its adapter has something to close.
    await this.server.of('/').adapter.close();
    await this.detachRedis?.();
  }
}
