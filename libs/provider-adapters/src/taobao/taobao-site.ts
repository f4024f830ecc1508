import type { HTTPResponse, Page, Protocol } from 'puppeteer-core';

import type { AccountContext } from '../browser/account-context';
import {
  ChallengeRequiredError,
  ProviderBusyError,
  ProviderChangedError,
  SessionExpiredError,
} from '../errors/provider-errors';
import { ProfileReader } from '../profile/profile-reader';
import { taobaoError, type TaobaoFailure } from './taobao-errors';
import type { TaobaoProfile } from './taobao.profile';

export type TaobaoReader = ProfileReader<
  TaobaoProfile['urls'],
  TaobaoProfile['selectors'],
  TaobaoProfile['paths']
>;

// Pictures, fonts and media are never read by the adapter; skipping them saves a request each.
const SKIPPED_RESOURCES: Protocol.Network.ResourceType[] = ['Image', 'Font', 'Media'];

/**
 * A 5xx or a dropped connection is asked again after each of these pauses, as a buyer clicks
 * again: one hiccup in a reservation's forty requests would otherwise restart the whole step.
 */
const TRANSIENT_PAUSES_MS = [200, 600];

interface RawAnswer {
  status: number;
  text: string;
  url?: string;
}

/** Sends until `transient` calls the answer final, or the pauses are used up. */
async function askAgainWhile<T>(send: () => Promise<T>, transient: (answer: T) => boolean) {
  for (const pause of TRANSIENT_PAUSES_MS) {
    const answer = await send();
    if (!transient(answer)) {
      return answer;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }

  return send();
}

/** A fetch's answer: 5xx, or none at all (status 0, a dropped connection). */
const lostAnswer = (answer: RawAnswer) => answer.status === 0 || answer.status >= 500;

/**
 * The Taobao site as one account's browser sees it: navigations and same-origin requests made
 * by the page itself (so cookies, CSRF token and referrer are the browser's own), each checked
 * for the site's ways of saying "logged out", "prove you are human" or "refused".
 */
export class TaobaoSite {
  private readonly prepared = new WeakSet<Page>();
  // One landing navigation per page at a time: parallel navigations abort each other.
  private readonly landings = new WeakMap<Page, Promise<void>>();
  private csrf: string | null = null;

  constructor(
    readonly context: AccountContext,
    readonly reader: TaobaoReader,
    readonly profile: TaobaoProfile,
  ) {}

  /** Navigates to a page and returns it once its HTML is there, or throws the site's refusal. */
  async open(step: string, url: string, itemId?: string): Promise<Page> {
    return this.context.step(step, async (page) => {
      await this.prepare(page);
      await this.checkLanding(page, await this.navigate(page, url), itemId);

      return page;
    });
  }

  /**
   * Makes sure the page shows a page of `url`'s origin, so same-origin requests can be made
   * from it; opens `url` only when it does not (a fresh job, or another host).
   */
  async ensureOrigin(step: string, url: string): Promise<void> {
    if (!(await this.showsOriginOf(url))) {
      await this.open(step, url);
    }
  }

  /** Whether the job's page shows a page of `url`'s origin (same-origin requests may go). */
  async showsOriginOf(url: string): Promise<boolean> {
    const current = (await this.context.page()).url();

    return current.startsWith('http') && new URL(current).origin === new URL(url).origin;
  }

  /**
   * GETs a JSON endpoint with `fetch` from inside the page, so the session's cookies go along
   * and several requests can run at once on one page. The page first lands on `landingUrl`
   * when it shows another origin (a fresh or renewed page), once for all requests waiting.
   */
  async fetchJson(
    step: string,
    url: string,
    landingUrl: string,
    itemId?: string,
  ): Promise<Record<string, unknown>> {
    return this.context.step(step, async (page) => {
      await this.landOn(page, landingUrl);
      const ask = () =>
        page.evaluate(async (target: string) => {
          try {
            const response = await fetch(target, {
              credentials: 'include',
              headers: { Accept: 'application/json' },
            });

            return { status: response.status, url: response.url, text: await response.text() };
          } catch (error) {
            // A dropped connection: no status at all.
            return { status: 0, url: target, text: String(error) };
          }
        }, url);
      const answer = await askAgainWhile(ask, lostAnswer);
      this.checkRedirectUrl(answer.url ?? url);

      return this.parseJsonAnswer(step, answer.status, answer.text, itemId);
    });
  }

  /**
   * POSTs a form from inside the page, as the page's own script would, with the CSRF token.
   * The page must already show a page of the same origin (see `open`).
   */
  async postForm(
    step: string,
    url: string,
    fields: Record<string, string>,
    itemId?: string,
    options: { retryTransient?: boolean } = {},
  ): Promise<Record<string, unknown>> {
    const body = new URLSearchParams({
      ...fields,
      [this.profile.fields.csrf]: await this.csrfToken(),
    });

    return this.context.step(step, async (page) => {
      const send = () =>
        page.evaluate(
          async (target: string, form: string) => {
            try {
              const response = await fetch(target, {
                method: 'POST',
                credentials: 'include',
                headers: {
                  'Content-Type': 'application/x-www-form-urlencoded',
                  Accept: 'application/json',
                },
                body: form,
              });

              return { status: response.status, text: await response.text() };
            } catch (error) {
              return { status: 0, text: String(error) };
            }
          },
          url,
          body.toString(),
        );
      // Only a form the caller knows is safe to send twice is sent again.
      const answer = options.retryTransient ? await askAgainWhile(send, lostAnswer) : await send();

      return this.parseJsonAnswer(step, answer.status, answer.text, itemId);
    });
  }

  /** Reads the error the current page shows, if it shows one. */
  async pageFailure(page: Page): Promise<TaobaoFailure | null> {
    const data = await page
      .$eval(this.reader.selector('error.data'), (element) => element.textContent)
      .catch(() => null);
    if (data === null) {
      return null;
    }

    try {
      return JSON.parse(data) as TaobaoFailure;
    } catch (error) {
      throw new ProviderChangedError('selectors.error.data', 'the error data is not JSON', {
        cause: error,
      });
    }
  }

  async cookie(name: string): Promise<string | null> {
    const cookies = await this.context.context.cookies();

    return cookies.find((cookie) => cookie.name === name)?.value ?? null;
  }

  /** Read once per job (a job is one session): a cart of 40 lines asked the browser 40 times. */
  private async csrfToken(): Promise<string> {
    this.csrf ??= await this.cookie(this.profile.cookies.csrf);
    if (!this.csrf) {
      throw new SessionExpiredError('The session has no CSRF token; the account is logged out');
    }

    return this.csrf;
  }

  private async prepare(page: Page): Promise<void> {
    if (this.prepared.has(page)) {
      return;
    }

    this.prepared.add(page);
    // Only the skipped kinds are paused (and refused). Pausing every request, as request
    // interception does, made each page and JSON request wait for this process to let it go,
    // which a busy event loop (a sync writing to the database) delayed.
    const session = await page.createCDPSession();
    session.on('Fetch.requestPaused', (event) => {
      void session
        .send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' })
        .catch(() => undefined);
    });
    await session.send('Fetch.enable', {
      patterns: SKIPPED_RESOURCES.map((resourceType) => ({ resourceType })),
    });
  }

  private async landOn(page: Page, landingUrl: string): Promise<void> {
    const current = page.url();
    if (current.startsWith('http') && new URL(current).origin === new URL(landingUrl).origin) {
      return;
    }

    let landing = this.landings.get(page);
    if (!landing) {
      landing = (async () => {
        await this.prepare(page);
        await this.checkLanding(page, await this.navigate(page, landingUrl));
      })();
      this.landings.set(page, landing);
      landing.then(
        () => this.landings.delete(page),
        () => this.landings.delete(page),
      );
    }
    await landing;
  }

  private checkRedirects(page: Page): void {
    this.checkRedirectUrl(page.url());
  }

  private checkRedirectUrl(url: string): void {
    if (url.includes(this.profile.urlMarkers.punish)) {
      throw new ChallengeRequiredError('punish', 'The provider sent the browser to its risk check');
    }
    if (url.includes(this.profile.urlMarkers.identityCheck)) {
      throw new ChallengeRequiredError('identity', 'The provider asks to confirm the identity');
    }
    if (url.includes(this.profile.urlMarkers.loginPage)) {
      throw new SessionExpiredError('The provider sent the browser to its login page');
    }
  }

  /** Opens a page; a 5xx is opened again after each pause, as a buyer reloads. */
  private navigate(page: Page, url: string): Promise<HTTPResponse | null> {
    return askAgainWhile(
      () => page.goto(url, { waitUntil: 'domcontentloaded' }),
      (response) => (response?.status() ?? 0) >= 500,
    );
  }

  private async checkLanding(
    page: Page,
    response: HTTPResponse | null,
    itemId?: string,
  ): Promise<void> {
    this.checkRedirects(page);
    const failure = await this.pageFailure(page);
    if (failure) {
      throw taobaoError(failure, this.profile, itemId);
    }
    const status = response?.status() ?? 0;
    if (status >= 500) {
      throw new ProviderBusyError(`HTTP ${status} at ${page.url()}`);
    }
  }

  private parseJsonAnswer(
    step: string,
    status: number,
    text: string,
    itemId?: string,
  ): Record<string, unknown> {
    if (status === 0) {
      // The connection dropped before any answer (the browser's "Failed to fetch").
      throw new ProviderBusyError(`no answer during ${step} (${text})`);
    }

    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      if (status >= 500) {
        throw new ProviderBusyError(`HTTP ${status} during ${step}`, { cause: error });
      }

      throw new ProviderChangedError(`urls.${step}`, `HTTP ${status} answered no JSON`, {
        cause: error,
      });
    }

    if (this.reader.value(data, 'result.success') !== true) {
      const failure: TaobaoFailure = {
        code: this.reader.string(data, 'result.code'),
        msg: this.reader.optionalString(data, 'result.message') ?? '',
        details: (data as { details?: Record<string, unknown> }).details ?? null,
      };
      throw taobaoError(failure, this.profile, itemId);
    }

    return data as Record<string, unknown>;
  }
}
