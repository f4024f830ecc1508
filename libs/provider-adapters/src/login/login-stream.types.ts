import type { ChallengeKind } from '../errors/provider-errors';
import type { SessionSnapshot } from '../adapter/types';

/** One JPEG screencast frame of the login page. */
export interface ScreenFrame {
  jpeg: Buffer;
  /** CSS pixels of the page the frame shows; input coordinates use the same space. */
  width: number;
  height: number;
  /** Increases by one per frame received, so a consumer can tell it skipped some. */
  sequence: number;
}

export interface PageSize {
  width: number;
  height: number;
}

export type MouseButton = 'left' | 'right' | 'middle';

/** Operator input forwarded to the login page. Coordinates are CSS pixels of the page. */
export type LoginInput =
  | { type: 'mouse'; action: 'move' | 'down' | 'up'; x: number; y: number; button?: MouseButton }
  | { type: 'click'; x: number; y: number; button?: MouseButton }
  | { type: 'wheel'; x: number; y: number; deltaX: number; deltaY: number }
  | { type: 'key'; action: 'down' | 'up' | 'press'; key: string }
  | { type: 'text'; text: string };

/** What the login page is doing, as the operator's popup should show it. */
export type LoginEvent =
  | { type: 'challenge_shown'; kind: ChallengeKind }
  | { type: 'logged_in'; nickname: string; session: SessionSnapshot }
  | { type: 'failed'; reason: string };

/** How a login ended. */
export type LoginOutcome =
  { ok: true; nickname: string; session: SessionSnapshot } | { ok: false; reason: string };

/**
 * A live remote-browser login: frames out, input in, events when something happens. Only the
 * newest frame is kept for a slow consumer, so the popup never lags behind the page.
 */
export interface LoginStream {
  /** The page's size in CSS pixels. */
  readonly pageSize: PageSize;
  /** The address the page shows now, for the popup's address bar. */
  currentUrl(): string;
  /** The latest frame, or null before the first one arrives. */
  latestFrame(): ScreenFrame | null;
  /**
   * Frames as they come; a consumer that is slower than the page gets only the newest frame
   * when it asks for the next one. Ends when the stream closes.
   */
  frames(): AsyncIterableIterator<ScreenFrame>;
  /** Subscribes to events; returns the unsubscribe function. */
  onEvent(listener: (event: LoginEvent) => void): () => void;
  /** Forwards operator input to the page; Chinese text goes in whole via `Input.insertText`. */
  sendInput(input: LoginInput): Promise<void>;
  /** Settles once: logged in (with the session to store) or failed. */
  readonly outcome: Promise<LoginOutcome>;
  /** Stops the screencast and closes the login's browser context. Safe to call twice. */
  close(): Promise<void>;
}
