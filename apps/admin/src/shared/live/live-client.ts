import type { LiveAck, LiveTopic } from '@autobuy/contracts';

import { LIVE } from './live-events';

/** The part of a Socket.IO client socket the live client uses (a fake one in unit tests). */
export interface LiveSocket {
  connected: boolean;
  connect(): unknown;
  disconnect(): unknown;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

/** `connecting` before the first connection; `down` whenever it was lost or refused. */
export type LiveStatus = 'connecting' | 'connected' | 'down';

export interface TopicOptions {
  /** For an activity: the newest seq already shown, so the server replays only what follows. */
  afterSeq?: () => number;
  /** Called after a reconnect: rooms do not replay, so what they feed must be fetched again. */
  onResubscribed?: () => void;
}

interface Subscription {
  topic: LiveTopic;
  holders: Set<TopicOptions>;
}

type Listener = (payload: never) => void;

const ACK_TIMEOUT_MS = 10_000;

export function topicKey(topic: LiveTopic): string {
  if ('activityId' in topic) {
    return `activity:${topic.activityId}`;
  }
  if ('orderId' in topic) {
    return `order:${topic.orderId}`;
  }
  if ('accountId' in topic) {
    return `account:${topic.accountId}`;
  }
  if ('activities' in topic) {
    return 'activities';
  }

  return 'attention';
}

/**
 * One live connection for the whole page. Components hold topics while they are shown; the
 * client subscribes once per topic, re-subscribes after every reconnect (an activity from the
 * last seq the page has, so nothing is missed or shown twice) and tells room holders to refetch.
 */
export class LiveClient {
  private status: LiveStatus = 'connecting';
  private everConnected = false;
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  private readonly subscriptions = new Map<string, Subscription>();

  constructor(private readonly socket: LiveSocket) {
    socket.on('connect', this.handleConnect);
    socket.on('disconnect', this.handleDown);
    socket.on('connect_error', this.handleDown);
  }

  start(): void {
    if (!this.socket.connected) {
      this.socket.connect();
    }
  }

  stop(): void {
    this.socket.off('connect', this.handleConnect);
    this.socket.off('disconnect', this.handleDown);
    this.socket.off('connect_error', this.handleDown);
    this.socket.disconnect();
  }

  getStatus(): LiveStatus {
    return this.status;
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);

    return () => this.statusListeners.delete(listener);
  }

  /** Listens to one server message; returns the function that stops listening. */
  on<T>(event: string, listener: (payload: T) => void): () => void {
    const handler = listener as Listener;
    this.socket.on(event, handler);

    return () => this.socket.off(event, handler);
  }

  /** Sends a message with an ack; rejects when the channel is down or the server does not answer. */
  request<T>(event: string, payload: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (!this.socket.connected) {
        reject(new Error('The live channel is not connected.'));

        return;
      }
      const timer = setTimeout(
        () => reject(new Error(`No answer to ${event} from the server.`)),
        ACK_TIMEOUT_MS,
      );
      this.socket.emit(event, payload, (answer: T) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
  }

  /** Sends a message without waiting for an answer; dropped while the channel is down. */
  send(event: string, payload: unknown): void {
    if (this.socket.connected) {
      this.socket.emit(event, payload);
    }
  }

  /** Holds a topic until the returned function is called; the last holder leaving unsubscribes. */
  hold(topic: LiveTopic, options: TopicOptions = {}): () => void {
    const key = topicKey(topic);
    let subscription = this.subscriptions.get(key);
    if (!subscription) {
      subscription = { topic, holders: new Set() };
      this.subscriptions.set(key, subscription);
    }
    subscription.holders.add(options);
    if (subscription.holders.size === 1 && this.socket.connected) {
      this.subscribe(subscription);
    }

    return () => {
      const current = this.subscriptions.get(key);
      if (!current?.holders.delete(options) || current.holders.size > 0) {
        return;
      }
      this.subscriptions.delete(key);
      if (this.socket.connected) {
        this.socket.emit(LIVE.unsubscribe, current.topic, () => undefined);
      }
    };
  }

  private subscribe(subscription: Subscription): void {
    const { topic } = subscription;
    let payload: LiveTopic = topic;
    if ('activityId' in topic) {
      // Several holders of one activity may have seen different amounts; replay from the least.
      const seqs = [...subscription.holders].map((holder) => holder.afterSeq?.() ?? 0);
      payload = { activityId: topic.activityId, afterSeq: Math.min(...seqs) };
    }
    this.socket.emit(LIVE.subscribe, payload, (ack: LiveAck) => {
      if (!ack.ok) {
        // A refused topic (e.g. an activity that no longer exists) has nothing to deliver.
        console.warn(`Live subscription to ${topicKey(topic)} refused: ${ack.message}`);
      }
    });
  }

  private readonly handleConnect = (): void => {
    const reconnected = this.everConnected;
    this.everConnected = true;
    for (const subscription of this.subscriptions.values()) {
      this.subscribe(subscription);
      if (reconnected) {
        for (const holder of subscription.holders) {
          holder.onResubscribed?.();
        }
      }
    }
    this.setStatus('connected');
  };

  private readonly handleDown = (): void => {
    this.setStatus('down');
  };

  private setStatus(status: LiveStatus): void {
    if (status === this.status) {
      return;
    }
    this.status = status;
    for (const listener of this.statusListeners) {
      listener(status);
    }
  }
}
