import { EventEmitter } from 'node:events';

import type { ActivityEventDto, ActivityUpdateMessage } from '@autobuy/contracts';

/** What travels from the process that wrote an event to every live client, on any instance. */
export type LiveMessage =
  | { type: 'activity'; activity: ActivityUpdateMessage['activity']; event: ActivityEventDto }
  | { type: 'attention'; count: number }
  /** Another module's message to the clients in a room, on every instance. */
  | { type: 'room'; room: string; event: string; payload: unknown }
  /** A message between processes (e.g. an API instance to the worker holding a browser). */
  | { type: 'server'; event: string; payload: unknown };

/**
 * Published only after the event's row is committed, so a client that sees seq N can always
 * read 1..N from the database.
 */
export interface ActivityEventBus {
  publish(message: LiveMessage): void;
  subscribe(listener: (message: LiveMessage) => void): () => void;
}

/** The in-process bus; a live hub relays it to other instances when Redis is configured. */
export class LocalEventBus implements ActivityEventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(message: LiveMessage): void {
    this.emitter.emit('message', message);
  }

  subscribe(listener: (message: LiveMessage) => void): () => void {
    this.emitter.on('message', listener);

    return () => this.emitter.off('message', listener);
  }
}
