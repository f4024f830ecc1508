import type { CDPSession, KeyInput, Page } from 'puppeteer-core';

import type { AccountContext } from '../browser/account-context';
import { InvalidRequestError } from '../errors/provider-errors';
import type {
  LoginEvent,
  LoginInput,
  LoginOutcome,
  LoginStream,
  PageSize,
  ScreenFrame,
} from './login-stream.types';

/** What the provider's login page shows right now, as the adapter reads it. */
export type LoginPageState =
  | { state: 'form' }
  | { state: 'challenge'; kind: Extract<LoginEvent, { type: 'challenge_shown' }>['kind'] }
  | { state: 'logged_in'; nickname: string }
  | { state: 'failed'; reason: string };

/** Reads the login page's state; provider-specific, built from the provider profile. */
export type LoginStateReader = (page: Page, context: AccountContext) => Promise<LoginPageState>;

export interface ScreencastLoginOptions {
  loginUrl: string;
  readState: LoginStateReader;
  /** How often the page is checked for a challenge or a login; default 250 ms. */
  pollMs?: number;
  /** The whole login fails after this long; default 10 minutes. */
  loginTimeoutMs?: number;
  /** JPEG quality 1–100; default 70. */
  jpegQuality?: number;
}

const MOUSE_EVENT_TYPES = {
  move: 'mouseMoved',
  down: 'mousePressed',
  up: 'mouseReleased',
} as const;

type FrameWaiter = (frame: ScreenFrame | null) => void;

/**
 * A login page in the account's context, streamed over CDP `Page.startScreencast`. Each frame
 * is acknowledged as soon as it arrives (Chromium sends the next one only after the ack) and
 * replaces the previous one, so a slow consumer always gets the newest picture.
 */
export class ScreencastLoginStream implements LoginStream {
  readonly outcome: Promise<LoginOutcome>;
  private settle!: (outcome: LoginOutcome) => void;
  private latest: ScreenFrame | null = null;
  private frameWaiters: FrameWaiter[] = [];
  private readonly listeners = new Set<(event: LoginEvent) => void>();
  private poller: NodeJS.Timeout | undefined;
  private deadline: NodeJS.Timeout | undefined;
  private lastChallenge: string | null = null;
  private finished = false;
  private closed = false;
  private checking = false;

  private constructor(
    private readonly context: AccountContext,
    private readonly page: Page,
    private readonly cdp: CDPSession,
    readonly pageSize: PageSize,
    private readonly options: ScreencastLoginOptions,
  ) {
    this.outcome = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  /** Opens the login page in `context` and starts streaming it. The stream owns the context. */
  static async open(
    context: AccountContext,
    options: ScreencastLoginOptions,
  ): Promise<ScreencastLoginStream> {
    const page = await context.page();
    const viewport = page.viewport() ?? { width: 1280, height: 800 };
    const cdp = await page.createCDPSession();
    const stream = new ScreencastLoginStream(
      context,
      page,
      cdp,
      { width: viewport.width, height: viewport.height },
      options,
    );

    await stream.start();

    return stream;
  }

  currentUrl(): string {
    return this.page.url();
  }

  latestFrame(): ScreenFrame | null {
    return this.latest;
  }

  frames(): AsyncIterableIterator<ScreenFrame> {
    let delivered = 0;
    const iterator: AsyncIterableIterator<ScreenFrame> = {
      next: async () => {
        if (this.latest && this.latest.sequence > delivered) {
          delivered = this.latest.sequence;

          return { value: this.latest, done: false };
        }
        if (this.closed) {
          return { value: undefined, done: true };
        }

        const frame = await new Promise<ScreenFrame | null>((resolve) => {
          this.frameWaiters.push(resolve);
        });
        if (!frame) {
          return { value: undefined, done: true };
        }

        delivered = frame.sequence;

        return { value: frame, done: false };
      },
      [Symbol.asyncIterator]: () => iterator,
    };

    return iterator;
  }

  onEvent(listener: (event: LoginEvent) => void): () => void {
    this.listeners.add(listener);

    return () => this.listeners.delete(listener);
  }

  async sendInput(input: LoginInput): Promise<void> {
    if (this.closed) {
      throw new InvalidRequestError('The login stream is closed');
    }

    switch (input.type) {
      case 'mouse':
        await this.dispatchMouse(MOUSE_EVENT_TYPES[input.action], input.x, input.y, input.button);
        break;
      case 'click':
        await this.dispatchMouse('mouseMoved', input.x, input.y);
        await this.dispatchMouse('mousePressed', input.x, input.y, input.button ?? 'left');
        await this.dispatchMouse('mouseReleased', input.x, input.y, input.button ?? 'left');
        break;
      case 'wheel':
        await this.cdp.send('Input.dispatchMouseEvent', {
          type: 'mouseWheel',
          x: input.x,
          y: input.y,
          deltaX: input.deltaX,
          deltaY: input.deltaY,
        });
        break;
      case 'key':
        await this.dispatchKey(input.action, input.key);
        break;
      case 'text':
        // insertText commits the whole string like an IME would, so Chinese arrives intact.
        await this.cdp.send('Input.insertText', { text: input.text });
        break;
    }

    this.scheduleCheck();
  }

  async close(): Promise<void> {
    if (this.closed) {
      return;
    }

    this.closed = true;
    this.finish({ ok: false, reason: 'The login was closed before it finished' }, false);
    clearInterval(this.poller);
    clearTimeout(this.deadline);
    for (const waiter of this.frameWaiters.splice(0)) {
      waiter(null);
    }
    await this.cdp.send('Page.stopScreencast').catch(() => undefined);
    await this.cdp.detach().catch(() => undefined);
    await this.context.release();
  }

  private async start(): Promise<void> {
    let sequence = 0;
    this.cdp.on('Page.screencastFrame', (event) => {
      this.cdp
        .send('Page.screencastFrameAck', { sessionId: event.sessionId })
        .catch(() => undefined);
      sequence += 1;
      const frame: ScreenFrame = {
        jpeg: Buffer.from(event.data, 'base64'),
        width: event.metadata.deviceWidth ?? this.pageSize.width,
        height: event.metadata.deviceHeight ?? this.pageSize.height,
        sequence,
      };
      this.latest = frame;
      for (const waiter of this.frameWaiters.splice(0)) {
        waiter(frame);
      }
    });

    await this.context.step('open login page', async (page) => {
      await page.goto(this.options.loginUrl, { waitUntil: 'domcontentloaded' });
    });
    await this.cdp.send('Page.startScreencast', {
      format: 'jpeg',
      quality: this.options.jpegQuality ?? 70,
      maxWidth: this.pageSize.width,
      maxHeight: this.pageSize.height,
      everyNthFrame: 1,
    });

    this.poller = setInterval(() => this.scheduleCheck(), this.options.pollMs ?? 250);
    this.deadline = setTimeout(
      () => this.finish({ ok: false, reason: 'The login was not finished in time' }),
      this.options.loginTimeoutMs ?? 600_000,
    );
  }

  private scheduleCheck(): void {
    if (this.checking || this.finished) {
      return;
    }

    this.checking = true;
    this.check()
      .catch((error: unknown) => {
        if (!this.page.browser().connected) {
          this.finish({ ok: false, reason: 'The browser crashed during the login' });
        }
        // Otherwise the page was mid-navigation; the next poll reads it again.
        void error;
      })
      .finally(() => {
        this.checking = false;
      });
  }

  private async check(): Promise<void> {
    const state = await this.options.readState(this.page, this.context);
    switch (state.state) {
      case 'form':
        this.lastChallenge = null;
        break;
      case 'challenge':
        if (this.lastChallenge !== state.kind) {
          this.lastChallenge = state.kind;
          this.emit({ type: 'challenge_shown', kind: state.kind });
        }
        break;
      case 'logged_in': {
        const session = await this.context.snapshot();
        this.finish({ ok: true, nickname: state.nickname, session });
        break;
      }
      case 'failed':
        this.finish({ ok: false, reason: state.reason });
        break;
    }
  }

  private finish(outcome: LoginOutcome, announce = true): void {
    if (this.finished) {
      return;
    }

    this.finished = true;
    clearInterval(this.poller);
    clearTimeout(this.deadline);
    if (announce) {
      this.emit(
        outcome.ok
          ? { type: 'logged_in', nickname: outcome.nickname, session: outcome.session }
          : { type: 'failed', reason: outcome.reason },
      );
    }
    this.settle(outcome);
  }

  private emit(event: LoginEvent): void {
    for (const listener of this.listeners) {
      listener(event);
    }
  }

  private async dispatchMouse(
    type: 'mouseMoved' | 'mousePressed' | 'mouseReleased',
    x: number,
    y: number,
    button?: 'left' | 'right' | 'middle',
  ): Promise<void> {
    await this.cdp.send('Input.dispatchMouseEvent', {
      type,
      x,
      y,
      button: button ?? (type === 'mouseMoved' ? 'none' : 'left'),
      clickCount: type === 'mouseMoved' ? 0 : 1,
    });
  }

  private async dispatchKey(action: 'down' | 'up' | 'press', key: string): Promise<void> {
    try {
      // Puppeteer knows each key's code and text, which raw CDP key events would need spelled out.
      const keyInput = key as KeyInput;
      if (action === 'down') {
        await this.page.keyboard.down(keyInput);
      } else if (action === 'up') {
        await this.page.keyboard.up(keyInput);
      } else {
        await this.page.keyboard.press(keyInput);
      }
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('Unknown key')) {
        throw new InvalidRequestError(`Unknown key "${key}"`, { cause: error });
      }

      throw error;
    }
  }
}
