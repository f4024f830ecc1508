import type { LiveSocket } from '../live-client';

type Handler = (...args: unknown[]) => void;

/** A socket the test drives: it records what the client sent and delivers server messages. */
export class FakeSocket implements LiveSocket {
  connected = false;
  readonly sent: { event: string; payload: unknown }[] = [];
  private readonly handlers = new Map<string, Set<Handler>>();
  /** What the server acks a message with; defaults to `{ ok: true }`. */
  ackWith: (event: string, payload: unknown) => unknown = () => ({ ok: true });

  connect(): void {
    this.serverConnects();
  }

  disconnect(): void {
    this.connected = false;
  }

  on(event: string, listener: (...args: never[]) => void): void {
    const set = this.handlers.get(event) ?? new Set<Handler>();
    set.add(listener as Handler);
    this.handlers.set(event, set);
  }

  off(event: string, listener: (...args: never[]) => void): void {
    this.handlers.get(event)?.delete(listener as Handler);
  }

  emit(event: string, payload?: unknown, ack?: (answer: unknown) => void): void {
    this.sent.push({ event, payload });
    ack?.(this.ackWith(event, payload));
  }

  serverConnects(): void {
    this.connected = true;
    this.deliver('connect');
  }

  serverDrops(): void {
    this.connected = false;
    this.deliver('disconnect', 'transport close');
  }

  deliver(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) {
      handler(...args);
    }
  }

  sentOf(event: string): unknown[] {
    return this.sent.filter((message) => message.event === event).map((m) => m.payload);
  }
}
