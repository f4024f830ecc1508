import type { Socket } from 'socket.io';

import type { ActivityEventBus } from './event-bus';
import type { LiveIdentity } from './live-authenticator';

/** Every authenticated socket is in this room, e.g. for session updates. */
export const OPERATORS_ROOM = 'operators';

export type SocketHandler = (socket: Socket, identity: LiveIdentity) => void;
export type ServerMessageHandler = (payload: unknown) => void;

/**
 * The live connection as other modules use it (the login popup, order item updates): emit to
 * rooms on every instance, handle their own client messages, and talk between processes. All
 * of it rides the same bus and Redis relay as activity events.
 */
export class LiveChannel {
  private readonly socketHandlers: SocketHandler[] = [];
  private readonly serverHandlers = new Map<string, ServerMessageHandler[]>();

  constructor(private readonly bus: ActivityEventBus) {}

  /** Rooms: `operators`, `order:<id>`, `account:<id>`, or one a socket handler joined. */
  toRoom(room: string, event: string, payload: unknown): void {
    this.bus.publish({ type: 'room', room, event, payload });
  }

  toOperators(event: string, payload: unknown): void {
    this.toRoom(OPERATORS_ROOM, event, payload);
  }

  /** Runs for each authenticated socket of an API instance (never in the worker role). */
  onSocket(handler: SocketHandler): void {
    this.socketHandlers.push(handler);
  }

  /** Reaches the handlers of `event` in every process, this one included. */
  toServers(event: string, payload: unknown): void {
    this.bus.publish({ type: 'server', event, payload });
  }

  onServerMessage(event: string, handler: ServerMessageHandler): void {
    this.serverHandlers.set(event, [...(this.serverHandlers.get(event) ?? []), handler]);
  }

  /** Called by the live hub. */
  attachSocket(socket: Socket, identity: LiveIdentity): void {
    for (const handler of this.socketHandlers) {
      handler(socket, identity);
    }
  }

  /** Called by the live hub for server messages from any process. */
  receiveServerMessage(event: string, payload: unknown): void {
    for (const handler of this.serverHandlers.get(event) ?? []) {
      handler(payload);
    }
  }
}
