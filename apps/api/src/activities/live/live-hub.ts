import { Logger } from '@nestjs/common';
import {
  type ActivityEventDto,
  LIVE_EVENTS,
  LIVE_REFUSALS,
  type LiveAck,
  type LiveTopic,
} from '@autobuy/contracts';
import type { Server, Socket } from 'socket.io';

import type { ActivityMetrics } from '../activity-metrics';
import type { ActivityStore } from '../store/activity-store';
import type { EventLog } from '../store/event-log';
import { ActivityStream } from './activity-stream';
import type { ActivityEventBus, LiveMessage } from './event-bus';
import type { LiveAuthenticator, LiveIdentity } from './live-authenticator';
import { type LiveChannel, OPERATORS_ROOM } from './live-channel';

export interface LiveHubOptions {
  /**
   * Origins a browser may connect from besides the API's own (same host as the handshake);
   * a handshake naming another origin is refused.
   */
  allowedOrigins: string[];
  /** Forward this process's messages to the other instances (needs the Redis adapter). */
  relay: boolean;
  /** Counts the connected sockets for the metrics endpoint. */
  metrics?: Pick<ActivityMetrics, 'socketConnected' | 'socketDisconnected'>;
}

// The server-to-server message carrying a LiveMessage between instances over the adapter.
const RELAY_EVENT = 'autobuy:live';
const ATTENTION_ROOM = 'attention';
// Every activity's creation and state changes, for the activities page of any operator.
const ACTIVITIES_ROOM = 'activities';

type Ack = (answer: LiveAck) => void;

interface SocketState {
  identity: LiveIdentity;
  streams: Map<string, ActivityStream>;
}

const roomOfOrder = (orderId: string): string => `order:${orderId}`;
const roomOfAccount = (accountId: string): string => `account:${accountId}`;

/**
 * The live channel on one Socket.IO server: handshake checks, subscriptions, replay, and
 * delivery of bus messages to this instance's sockets (and, with `relay`, to the others').
 */
export class LiveHub {
  private readonly logger = new Logger('LiveHub');
  private readonly streams = new Map<string, Set<ActivityStream>>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly server: Server,
    private readonly bus: ActivityEventBus,
    private readonly events: EventLog,
    private readonly store: ActivityStore,
    private readonly channel: LiveChannel,
    private readonly authenticator: LiveAuthenticator | null,
    private readonly options: LiveHubOptions,
  ) {}

  /** Serves clients and relays; without an authenticator it only relays (worker role). */
  attach(): void {
    this.unsubscribe = this.bus.subscribe((message) => {
      this.deliver(message);
      if (this.options.relay) {
        this.server.serverSideEmit(RELAY_EVENT, message);
      }
    });
    if (this.options.relay) {
      this.server.on(RELAY_EVENT, (message: LiveMessage) => this.deliver(message));
    }
    if (this.authenticator) {
      const authenticator = this.authenticator;
      this.server.use((socket, next) => {
        this.admit(socket, authenticator).then(next, () =>
          next(new Error(LIVE_REFUSALS.unauthenticated)),
        );
      });
      this.server.on('connection', (socket) => this.serve(socket));
    }
  }

  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private async admit(
    socket: Socket,
    authenticator: LiveAuthenticator,
  ): Promise<Error | undefined> {
    const origin = socket.handshake.headers.origin;
    // Browsers always send Origin on cross-site requests; clients without one are not browsers
    // and cannot be made to connect by another site, so their credentials alone decide.
    if (origin !== undefined && !this.originAllowed(origin, socket.handshake.headers.host)) {
      return new Error(LIVE_REFUSALS.originNotAllowed);
    }

    const identity = await authenticator.authenticate({
      headers: socket.handshake.headers,
      auth: (socket.handshake.auth ?? {}) as Record<string, unknown>,
    });
    if (!identity) {
      return new Error(LIVE_REFUSALS.unauthenticated);
    }
    const state: SocketState = { identity, streams: new Map() };
    socket.data = state;

    return undefined;
  }

  /** The allow-list, or the page's own origin (the admin served by this API). */
  private originAllowed(origin: string, host: string | undefined): boolean {
    if (this.options.allowedOrigins.includes(origin)) {
      return true;
    }
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  }

  private serve(socket: Socket): void {
    const state = socket.data as SocketState;
    this.options.metrics?.socketConnected();
    void socket.join(OPERATORS_ROOM);
    this.channel.attachSocket(socket, state.identity);
    socket.on(LIVE_EVENTS.subscribe, (topic: unknown, ack?: Ack) => {
      this.subscribe(socket, state, topic).then(
        (answer) => ack?.(answer),
        (error: unknown) => {
          this.logger.warn(`Subscription failed: ${String(error)}`);
          ack?.({ ok: false, code: 'unavailable', message: 'The subscription failed; retry' });
        },
      );
    });
    socket.on(LIVE_EVENTS.unsubscribe, (topic: unknown, ack?: Ack) => {
      ack?.(this.leave(socket, state, topic));
    });
    socket.on('disconnect', () => {
      this.options.metrics?.socketDisconnected();
      for (const stream of state.streams.values()) {
        this.dropStream(stream);
      }
      state.streams.clear();
    });
  }

  private async subscribe(socket: Socket, state: SocketState, raw: unknown): Promise<LiveAck> {
    const topic = parseTopic(raw);
    if (!topic) {
      return {
        ok: false,
        code: 'invalid_topic',
        message: 'Subscribe to an activity, order, account, attention or activities',
      };
    }

    if ('activityId' in topic) {
      const activity = await this.store.find(topic.activityId);
      if (!activity) {
        return {
          ok: false,
          code: 'activity_not_found',
          message: `No activity has id ${topic.activityId}`,
        };
      }
      state.streams.get(topic.activityId)?.close();
      const stream = new ActivityStream(socket, topic.activityId, topic.afterSeq ?? 0, this.events);
      state.streams.set(topic.activityId, stream);
      this.addStream(stream);

      return { ok: true, lastSeq: await stream.replay() };
    }

    await socket.join(roomOf(topic));
    if ('attention' in topic) {
      socket.emit(LIVE_EVENTS.attentionCount, { count: await this.store.countWaiting() });
    }

    return { ok: true };
  }

  private leave(socket: Socket, state: SocketState, raw: unknown): LiveAck {
    const topic = parseTopic(raw);
    if (!topic) {
      return { ok: false, code: 'invalid_topic', message: 'Unknown topic' };
    }
    if ('activityId' in topic) {
      const stream = state.streams.get(topic.activityId);
      if (stream) {
        this.dropStream(stream);
        state.streams.delete(topic.activityId);
      }
    } else {
      void socket.leave(roomOf(topic));
    }

    return { ok: true };
  }

  private deliver(message: LiveMessage): void {
    switch (message.type) {
      case 'attention':
        this.server.local
          .to(ATTENTION_ROOM)
          .emit(LIVE_EVENTS.attentionCount, { count: message.count });

        return;
      case 'room':
        this.server.local.to(message.room).emit(message.event, message.payload);

        return;
      case 'server':
        this.channel.receiveServerMessage(message.event, message.payload);

        return;
      case 'activity':
        this.deliverActivity(message);
    }
  }

  private deliverActivity(message: Extract<LiveMessage, { type: 'activity' }>): void {
    this.offerToStreams(message.event);
    // Creation (queued) and every state change write a state event; other events stay out.
    if (message.event.type === 'state') {
      this.server.local
        .to(ACTIVITIES_ROOM)
        .emit(LIVE_EVENTS.activityChanged, { activity: message.activity, event: message.event });
    }
    const rooms = [
      message.activity.orderId ? roomOfOrder(message.activity.orderId) : null,
      message.activity.accountId ? roomOfAccount(message.activity.accountId) : null,
    ].filter((room): room is string => room !== null);
    if (rooms.length > 0) {
      this.server.local
        .to(rooms)
        .emit(LIVE_EVENTS.activityUpdate, { activity: message.activity, event: message.event });
    }
  }

  private offerToStreams(event: ActivityEventDto): void {
    const caughtUp: string[] = [];
    for (const stream of this.streams.get(event.activityId) ?? []) {
      if (stream.advanceTo(event)) {
        caughtUp.push(stream.socketId);
      } else {
        stream.offer(event);
      }
    }
    // Every socket is in a room named by its id: one broadcast encodes the event once.
    if (caughtUp.length > 0) {
      this.server.local.to(caughtUp).emit(LIVE_EVENTS.activityEvent, event);
    }
  }

  private addStream(stream: ActivityStream): void {
    const set = this.streams.get(stream.activityId) ?? new Set<ActivityStream>();
    set.add(stream);
    this.streams.set(stream.activityId, set);
  }

  private dropStream(stream: ActivityStream): void {
    stream.close();
    const set = this.streams.get(stream.activityId);
    set?.delete(stream);
    if (set?.size === 0) {
      this.streams.delete(stream.activityId);
    }
  }
}

function roomOf(topic: Exclude<LiveTopic, { activityId: string }>): string {
  if ('orderId' in topic) {
    return roomOfOrder(topic.orderId);
  }
  if ('accountId' in topic) {
    return roomOfAccount(topic.accountId);
  }
  if ('activities' in topic) {
    return ACTIVITIES_ROOM;
  }

  return ATTENTION_ROOM;
}

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 64;

function parseTopic(raw: unknown): LiveTopic | null {
  if (typeof raw !== 'object' || raw === null) {
    return null;
  }
  const topic = raw as Record<string, unknown>;
  if (isId(topic.activityId)) {
    const afterSeq = topic.afterSeq;
    if (afterSeq !== undefined && !(Number.isInteger(afterSeq) && (afterSeq as number) >= 0)) {
      return null;
    }

    return { activityId: topic.activityId, afterSeq: afterSeq as number | undefined };
  }
  if (isId(topic.orderId)) {
    return { orderId: topic.orderId };
  }
  if (isId(topic.accountId)) {
    return { accountId: topic.accountId };
  }
  if (topic.attention === true) {
    return { attention: true };
  }
  if (topic.activities === true) {
    return { activities: true };
  }

  return null;
}
