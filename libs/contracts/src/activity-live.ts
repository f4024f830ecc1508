import type { ActivityDto, ActivityEventDto } from './activities';

/** Socket.IO path of the live channel. */
export const LIVE_SOCKET_PATH = '/socket.io';

/** Names of the live channel's messages, client → server and server → client. */
export const LIVE_EVENTS = {
  /** client → server, with an ack: join a room (and for an activity, replay what was missed). */
  subscribe: 'live.subscribe',
  /** client → server, with an ack: leave a room. */
  unsubscribe: 'live.unsubscribe',
  /** server → client: one event of a subscribed activity, in seq order, never twice. */
  activityEvent: 'activity.event',
  /** server → client: an activity of a subscribed order or account changed (no replay). */
  activityUpdate: 'activity.update',
  /** server → client: the number of activities waiting for an operator. */
  attentionCount: 'attention.count',
  /**
   * server → client, to the `activities` room: any activity was created or changed state (its
   * state event with the activity's ids). No replay: a client refetches after a reconnect.
   */
  activityChanged: 'activity.changed',
} as const;

/**
 * What a client subscribes to: one activity, all of an order, all of an account, the badge, or
 * the state changes of every activity (any authenticated operator may).
 */
export type LiveTopic =
  | { activityId: string; afterSeq?: number }
  | { orderId: string }
  | { accountId: string }
  | { attention: true }
  | { activities: true };

export type LiveAck = { ok: true; lastSeq?: number } | { ok: false; code: string; message: string };

export type ActivityEventMessage = ActivityEventDto;

export interface ActivityUpdateMessage {
  activity: Pick<ActivityDto, 'id' | 'kind' | 'state' | 'accountId' | 'orderId' | 'lastSeq'>;
  event: ActivityEventDto;
}

/** The summary of `activity.changed`: the same shape, only ever with a `state` event. */
export type ActivityChangedMessage = ActivityUpdateMessage;

export interface AttentionCountMessage {
  count: number;
}

/** Typed map of server → client messages, for `socket.on` in the admin. */
export interface LiveServerMessages {
  [LIVE_EVENTS.activityEvent]: ActivityEventMessage;
  [LIVE_EVENTS.activityUpdate]: ActivityUpdateMessage;
  [LIVE_EVENTS.attentionCount]: AttentionCountMessage;
  [LIVE_EVENTS.activityChanged]: ActivityChangedMessage;
}

/** Reasons a handshake is refused, sent as the `connect_error` message. */
export const LIVE_REFUSALS = {
  originNotAllowed: 'origin_not_allowed',
  unauthenticated: 'unauthenticated',
} as const;
