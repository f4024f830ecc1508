import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';

import { BrowserUnavailableError } from '../errors/provider-errors';
import type { SessionSnapshot } from '../adapter/types';
import { AccountContext } from './account-context';
import { resolveChromiumPath } from './chromium-path';

export interface BrowserPoolOptions {
  /** Explicit Chromium path; else `CHROMIUM_PATH`, else `/usr/bin/chromium`. */
  chromiumPath?: string;
  /** How many Chromium processes at most; default 2. */
  size?: number;
  /** A browser is retired (closed once idle) after serving this many contexts; default 50. */
  maxUsesPerBrowser?: number;
  /** A job's page is replaced by a fresh one after this many steps; default 100. */
  maxStepsPerPage?: number;
  /** Hard limit of every step run through a context; default 30 s. */
  stepTimeoutMs?: number;
  /** Viewport of new pages; default 1280×800. */
  viewport?: { width: number; height: number };
  /**
   * Contexts kept open with a blank page, for the next jobs: a job's first page otherwise
   * waits for a renderer process to start (half a second and more on a busy machine); default 4,
   * one per job a worker runs at once.
   */
  spareContexts?: number;
}

// Flags that keep Chromium from calling home on a closed network and let it run as root.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

interface BrowserSlot {
  browser: Browser;
  uses: number;
  active: number;
  retired: boolean;
}

interface SpareContext {
  slot: BrowserSlot;
  context: BrowserContext;
  page: Page;
}

/**
 * A few long-lived Chromium processes shared by all jobs of a worker. Each job gets its own
 * browser context (isolated cookies and storage) on the least busy browser, closed when the job
 * ends; within it, the job's page is renewed after `maxStepsPerPage` steps. A browser is
 * retired after `maxUsesPerBrowser` contexts and replaced when it crashes.
 */
export class BrowserPool {
  private readonly slots: BrowserSlot[] = [];
  private spares: SpareContext[] = [];
  private sparesOpening = 0;
  private launching = 0;
  private closed = false;
  private readonly options: Required<Omit<BrowserPoolOptions, 'chromiumPath'>> & {
    chromiumPath: string;
  };

  constructor(options: BrowserPoolOptions = {}) {
    this.options = {
      chromiumPath: resolveChromiumPath(options.chromiumPath),
      size: options.size ?? 2,
      maxUsesPerBrowser: options.maxUsesPerBrowser ?? 50,
      maxStepsPerPage: options.maxStepsPerPage ?? 100,
      stepTimeoutMs: options.stepTimeoutMs ?? 30_000,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      spareContexts: options.spareContexts ?? 4,
    };
    if (this.options.size < 1 || this.options.maxUsesPerBrowser < 1) {
      throw new RangeError('Browser pool size and maxUsesPerBrowser must be at least 1');
    }
  }

  get stepTimeoutMs(): number {
    return this.options.stepTimeoutMs;
  }

  /** Live browsers, for health checks and tests. */
  browsers(): Browser[] {
    return this.slots.map((slot) => slot.browser);
  }

  /**
   * A fresh context for one account's job, with the stored session put back in. Release it
   * when the job ends.
   */
  async acquire(accountId: string, session?: SessionSnapshot | null): Promise<AccountContext> {
    if (this.closed) {
      throw new BrowserUnavailableError('The browser pool is closed');
    }

    const spare = this.takeSpare();
    const slot = spare?.slot ?? (await this.pickSlot());
    slot.uses += 1;
    slot.active += 1;
    if (slot.uses >= this.options.maxUsesPerBrowser) {
      slot.retired = true;
    }

    try {
      const context = spare?.context ?? (await slot.browser.createBrowserContext());
      const accountContext = new AccountContext(
        accountId,
        slot.browser,
        context,
        {
          stepTimeoutMs: this.options.stepTimeoutMs,
          viewport: this.options.viewport,
          maxStepsPerPage: this.options.maxStepsPerPage,
        },
        () => this.onContextReleased(slot),
        spare?.page ?? null,
      );
      await accountContext.restore(session ?? null);

      return accountContext;
    } catch (error) {
      await this.onContextReleased(slot);
      throw new BrowserUnavailableError('Could not open a browser context', { cause: error });
    }
  }

  /**
   * Starts browsers up to the pool's size now, so the first jobs running side by side do not
   * each wait for a Chromium start (about a second, far more on a busy machine).
   */
  async warm(): Promise<void> {
    const missing = Math.max(0, this.options.size - this.slots.length - this.launching);
    await Promise.all(Array.from({ length: missing }, () => this.launch()));
    await this.openSpares();
  }

  /** Spare contexts ready right now, for tests. */
  get spareCount(): number {
    return this.spares.length;
  }

  /** Closes every browser. Contexts still held fail on their next step. */
  async close(): Promise<void> {
    this.closed = true;
    this.spares = [];
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.browser.close().catch(() => undefined)));
  }

  private takeSpare(): SpareContext | undefined {
    for (let spare = this.spares.shift(); spare; spare = this.spares.shift()) {
      if (!spare.slot.retired && spare.slot.browser.connected && !spare.page.isClosed()) {
        return spare;
      }
      void spare.context.close().catch(() => undefined);
    }

    return undefined;
  }

  /** Opens spare contexts up to the pool's number on the idlest live browsers; never launches. */
  private async openSpares(): Promise<void> {
    while (!this.closed && this.spares.length + this.sparesOpening < this.options.spareContexts) {
      const slot = this.idlestSlot();
      if (!slot) {
        return;
      }

      this.sparesOpening += 1;
      try {
        const context = await slot.browser.createBrowserContext();
        const page = await context.newPage();
        if (this.closed || slot.retired || !slot.browser.connected) {
          await context.close().catch(() => undefined);

          return;
        }
        this.spares.push({ slot, context, page });
      } catch {
        // The browser went away meanwhile; the next job opens its context itself.
        return;
      } finally {
        this.sparesOpening -= 1;
      }
    }
  }

  /** The live, unretired browser running the fewest contexts. */
  private idlestSlot(): BrowserSlot | undefined {
    return this.slots
      .filter((slot) => !slot.retired && slot.browser.connected)
      .sort((a, b) => a.active - b.active)[0];
  }

  private async pickSlot(): Promise<BrowserSlot> {
    const idlest = this.idlestSlot();
    if (
      idlest &&
      (idlest.active === 0 || this.slots.length + this.launching >= this.options.size)
    ) {
      return idlest;
    }

    return this.launch();
  }

  private async launch(): Promise<BrowserSlot> {
    this.launching += 1;
    try {
      const browser = await puppeteer.launch({
        executablePath: this.options.chromiumPath,
        headless: true,
        args: CHROMIUM_FLAGS,
        defaultViewport: this.options.viewport,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        // Chromium runs in a process group of its own, so killing the owning process (a
        // timed-out test, a crashed worker) left it running. Over a pipe it quits as soon as
        // that process is gone, however it ended.
        pipe: true,
        protocolTimeout: this.options.stepTimeoutMs * 2,
      });
      const slot: BrowserSlot = { browser, uses: 0, active: 0, retired: false };
      browser.on('disconnected', () => this.forget(slot));
      this.slots.push(slot);

      return slot;
    } catch (error) {
      throw new BrowserUnavailableError(`Chromium at ${this.options.chromiumPath} did not start`, {
        cause: error,
      });
    } finally {
      this.launching -= 1;
    }
  }

  private forget(slot: BrowserSlot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) {
      this.slots.splice(index, 1);
    }
  }

  private async onContextReleased(slot: BrowserSlot): Promise<void> {
    slot.active -= 1;
    if (slot.retired && slot.active === 0) {
      this.forget(slot);
      await slot.browser.close().catch(() => undefined);
    }
    // Spares are opened when a job ends, not when one starts: a renderer starting beside running
    // jobs takes the CPU they need on a small machine.
    void this.openSpares();
  }
}
