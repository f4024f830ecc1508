import type { Browser, BrowserContext, CookieData, Page } from 'puppeteer-core';

import { BrowserUnavailableError } from '../errors/provider-errors';
import type { SessionCookie, SessionSnapshot } from '../adapter/types';
import { withStepTimeout } from './step-timeout';

// Marks, per tab and origin, that the stored localStorage was put back, so later navigations
// do not overwrite what the site itself wrote since.
const RESTORED_MARK = '__autobuy_storage_restored';

/**
 * One account's isolated browser context for one job. Every provider action goes through
 * `step`, which enforces the hard timeout and turns a crashed browser into a clear error.
 */
export interface AccountContextLimits {
  stepTimeoutMs: number;
  viewport: { width: number; height: number };
  /** The job's page is replaced by a fresh one after this many steps, so a long job stays lean. */
  maxStepsPerPage: number;
}

export class AccountContext {
  private mainPage: Page | null = null;
  private pageOpening: Promise<Page> | null = null;
  private pageSteps = 0;
  // Steps running and holds taken: the page is never renewed under someone still using it.
  private pins = 0;
  private storage: Record<string, Record<string, string>> = {};
  private released = false;

  constructor(
    readonly accountId: string,
    private readonly browser: Browser,
    readonly context: BrowserContext,
    private readonly limits: AccountContextLimits,
    private readonly onRelease: () => Promise<void>,
    // A blank page the pool opened ahead of time; the first page of the job, once.
    private readyPage: Page | null = null,
  ) {}

  get stepTimeoutMs(): number {
    return this.limits.stepTimeoutMs;
  }

  /** Puts a stored session back: cookies now, localStorage as each origin is first opened. */
  async restore(session: SessionSnapshot | null): Promise<void> {
    if (!session) {
      return;
    }

    this.storage = session.localStorage;
    if (session.cookies.length > 0) {
      await this.context.setCookie(...session.cookies.map(toCookieData));
    }
  }

  /**
   * The job's page, created on first use; steps of a job share it until it is retired. It is
   * retired only while no step runs and no `holdPage` is open: closing it under a running step
   * fails that step ("Target closed"), and a fresh page has lost the origin a held sequence
   * (cart → confirm → submit) relies on.
   */
  async page(): Promise<Page> {
    this.assertUsable();
    // Steps started together (offers read six at a time) wait for the one page being made;
    // each making its own left the job with several pages, each landing on its own.
    if (this.pageOpening) {
      return this.pageOpening;
    }
    const current = this.mainPage;
    const worn = this.pageSteps >= this.limits.maxStepsPerPage && this.pins === 0;
    if (current && !current.isClosed() && !worn) {
      return current;
    }

    this.pageOpening = (async () => {
      if (current && !current.isClosed()) {
        await current.close().catch(() => undefined);
      }
      this.pageSteps = 0;
      this.mainPage = await this.newPage();

      return this.mainPage;
    })();
    try {
      return await this.pageOpening;
    } finally {
      this.pageOpening = null;
    }
  }

  /** A new page in this context, with the stored localStorage ready for its origins. */
  async newPage(): Promise<Page> {
    this.assertUsable();
    const ready = this.readyPage;
    this.readyPage = null;
    const page = ready && !ready.isClosed() ? ready : await this.context.newPage();
    page.setDefaultTimeout(this.limits.stepTimeoutMs);
    await page.setViewport(this.limits.viewport);
    if (Object.keys(this.storage).length > 0) {
      await page.evaluateOnNewDocument(
        (storage: Record<string, Record<string, string>>, mark: string) => {
          const items = storage[location.origin];
          if (!items || sessionStorage.getItem(mark)) {
            return;
          }
          for (const [key, value] of Object.entries(items)) {
            localStorage.setItem(key, value);
          }
          sessionStorage.setItem(mark, '1');
        },
        this.storage,
        RESTORED_MARK,
      );
    }

    return page;
  }

  /**
   * Runs one named step under the hard timeout. A browser that died meanwhile surfaces as
   * `BrowserUnavailableError`, not as a puzzling protocol error.
   */
  async step<T>(name: string, work: (page: Page) => Promise<T>, timeoutMs?: number): Promise<T> {
    let pinned = false;
    try {
      const page = await this.page();
      this.pageSteps += 1;
      this.pins += 1;
      pinned = true;

      return await withStepTimeout(name, timeoutMs ?? this.stepTimeoutMs, () => work(page));
    } catch (error) {
      if (!this.browser.connected) {
        throw new BrowserUnavailableError(`The browser crashed during step "${name}"`, {
          cause: error,
        });
      }

      throw error;
    } finally {
      if (pinned) {
        this.pins -= 1;
      }
    }
  }

  /**
   * Keeps the job's page (no renewal) while `work` runs steps that depend on each other's page
   * state, such as same-origin requests after a navigation.
   */
  async holdPage<T>(work: () => Promise<T>): Promise<T> {
    this.pins += 1;
    try {
      return await work();
    } finally {
      this.pins -= 1;
    }
  }

  /** The session as it is now: every cookie of the context and the localStorage of open pages. */
  async snapshot(): Promise<SessionSnapshot> {
    this.assertUsable();
    const cookies = (await this.context.cookies()).map((cookie): SessionCookie => ({
      name: cookie.name,
      value: cookie.value,
      domain: cookie.domain,
      path: cookie.path,
      expires: cookie.expires,
      httpOnly: cookie.httpOnly ?? false,
      secure: cookie.secure,
      ...(cookie.sameSite && cookie.sameSite !== 'Default' ? { sameSite: cookie.sameSite } : {}),
    }));
    const localStorage = { ...this.storage };
    for (const page of await this.context.pages()) {
      const origin = await readOrigin(page);
      if (origin) {
        localStorage[origin] = await page.evaluate(() => ({ ...window.localStorage }));
      }
    }

    return { cookies, localStorage };
  }

  get isReleased(): boolean {
    return this.released;
  }

  /** Closes the context. Safe to call twice, and after a crash. */
  async release(): Promise<void> {
    if (this.released) {
      return;
    }

    this.released = true;
    await this.context.close().catch(() => undefined);
    await this.onRelease();
  }

  private assertUsable(): void {
    if (this.released) {
      throw new BrowserUnavailableError('This browser context was already released');
    }
    if (!this.browser.connected) {
      throw new BrowserUnavailableError('The browser of this context has crashed');
    }
  }
}

async function readOrigin(page: Page): Promise<string | null> {
  const url = page.url();
  if (!url.startsWith('http')) {
    return null;
  }

  return new URL(url).origin;
}

function toCookieData(cookie: SessionCookie): CookieData {
  return {
    name: cookie.name,
    value: cookie.value,
    domain: cookie.domain,
    path: cookie.path,
    expires: cookie.expires,
    httpOnly: cookie.httpOnly,
    secure: cookie.secure,
    ...(cookie.sameSite ? { sameSite: cookie.sameSite } : {}),
  };
}
