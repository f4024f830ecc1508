import {
  type ActivityEventDto,
  LIVE_EVENTS,
  LIVE_SOCKET_PATH,
  type LiveAck,
  type LiveTopic,
} from '@autobuy/contracts';
import { io, type Socket } from 'socket.io-client';

import { ALLOWED_ORIGIN, GOOD_TOKEN } from './test-app';

export interface ClientOptions {
  token?: string;
  origin?: string;
}

/** A socket.io client as the admin would open it (websocket transport, Origin, auth token). */
export function connectClient(url: string, options: ClientOptions = {}): Socket {
  return io(url, {
    path: LIVE_SOCKET_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: options.token === undefined ? { token: GOOD_TOKEN } : { token: options.token },
    extraHeaders: { origin: options.origin ?? ALLOWED_ORIGIN },
  });
}

export async function connected(socket: Socket): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** Resolves with the refusal message of a handshake that must fail. */
export async function refusal(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('the handshake was accepted')));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

export async function subscribe(socket: Socket, topic: LiveTopic): Promise<LiveAck> {
  return (await socket.timeout(10_000).emitWithAck(LIVE_EVENTS.subscribe, topic)) as LiveAck;
}

/** Collects activity events as they arrive. */
export function collectEvents(socket: Socket): ActivityEventDto[] {
  const received: ActivityEventDto[] = [];
  socket.on(LIVE_EVENTS.activityEvent, (event: ActivityEventDto) => received.push(event));

  return received;
}
