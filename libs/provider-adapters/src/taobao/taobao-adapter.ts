import type { ProviderCode } from '@autobuy/contracts';

import type { ProviderAdapter, ProviderJob } from '../adapter/provider-adapter';
import { validateReserveRequest } from '../adapter/reserve-validation';
import type {
  AccountAccess,
  CancelReason,
  ItemOffer,
  ListOrdersQuery,
  OrderPage,
  ProviderOrder,
  ReserveRequest,
  ReserveResult,
  SessionCheck,
  SessionSnapshot,
  TrackingInfo,
} from '../adapter/types';
import { CANCEL_REASONS } from '../adapter/types';
import type { AccountContext } from '../browser/account-context';
import type { BrowserPool } from '../browser/browser-pool';
import {
  InvalidRequestError,
  ProviderRejectedError,
  SessionExpiredError,
} from '../errors/provider-errors';
import type { LoginStream } from '../login/login-stream.types';
import { ScreencastLoginStream } from '../login/screencast-login-stream';
import { ProfileReader } from '../profile/profile-reader';
import { taobaoLoginStateReader } from './taobao-login';
import { modifiedAtMs, parseItemOffer, parseMainOrder } from './taobao-parse';
import { readBoughtPage } from './taobao-bought-list';
import { reserveOnTaobao } from './taobao-reserve';
import { TaobaoSite, type TaobaoReader } from './taobao-site';
import { TAOBAO_PROFILE, type TaobaoHosts, type TaobaoProfile } from './taobao.profile';

export interface TaobaoAdapterOptions {
  pool: BrowserPool;
  /** Where each of the site's hosts lives; `sandboxHosts(url)` for the Sandbox. */
  hosts: TaobaoHosts;
  /** `sandbox` when pointed at the Sandbox; default `taobao`. */
  code?: Extract<ProviderCode, 'taobao' | 'sandbox'>;
  /** Replaces the built-in profile (a hot fix for a changed site, or a test). */
  profile?: TaobaoProfile;
  /** Cart additions running at once during a reservation; default 6. */
  cartConcurrency?: number;
  /** The popup login fails after this long; default 10 minutes. */
  loginTimeoutMs?: number;
}

/** Taobao's buyer site driven in a real browser, one context per account and job. */
export class TaobaoAdapter implements ProviderAdapter {
  readonly code: Extract<ProviderCode, 'taobao' | 'sandbox'>;
  readonly loginKind = 'browser' as const;
  private readonly profile: TaobaoProfile;
  private readonly reader: TaobaoReader;

  constructor(private readonly options: TaobaoAdapterOptions) {
    this.code = options.code ?? 'taobao';
    this.profile = options.profile ?? TAOBAO_PROFILE;
    this.reader = new ProfileReader(this.profile, { ...options.hosts });
  }

  async startLogin(account: AccountAccess): Promise<LoginStream> {
    // The stored cookies (visitor id, risk-control pass) make the login look like the same
    // browser as before, which draws fewer challenges; a still-valid session just logs in.
    const context = await this.options.pool.acquire(account.accountId, account.session);
    try {
      return await ScreencastLoginStream.open(context, {
        loginUrl: this.reader.url('login.page'),
        readState: taobaoLoginStateReader(this.profile, {
          slider: this.reader.selector('login.slider'),
          errorData: this.reader.selector('error.data'),
        }),
        loginTimeoutMs: this.options.loginTimeoutMs,
      });
    } catch (error) {
      await context.release();
      throw error;
    }
  }

  async openJob(account: AccountAccess): Promise<ProviderJob> {
    const context = await this.options.pool.acquire(account.accountId, account.session);

    return new TaobaoJob(
      new TaobaoSite(context, this.reader, this.profile),
      context,
      this.options.cartConcurrency ?? 6,
    );
  }
}

class TaobaoJob implements ProviderJob {
  // Calls that navigate the job's one page wait for each other: a navigation started under
  // another aborts it. Offers and tracking are fetched from the page and run alongside.
  private navigating: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly site: TaobaoSite,
    private readonly context: AccountContext,
    private readonly cartConcurrency: number,
  ) {}

  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = this.navigating.then(work, work);
    this.navigating = run.catch(() => undefined);

    return run;
  }

  checkSession(): Promise<SessionCheck> {
    return this.oneAtATime(async () => {
      try {
        await this.site.open('session.probe', this.site.reader.url('session.probe'));
      } catch (error) {
        if (error instanceof SessionExpiredError) {
          return { loggedIn: false, nickname: null };
        }

        throw error;
      }

      const userId = await this.site.cookie(this.site.profile.cookies.userId);
      let nickname: string | null = null;
      for (const name of this.site.profile.cookies.nicknames) {
        nickname ??= await this.site.cookie(name);
      }

      return userId
        ? { loggedIn: true, nickname: nickname ? decodeURIComponent(nickname) : null }
        : { loggedIn: false, nickname: null };
    });
  }

  async getItemOffer(itemId: string): Promise<ItemOffer> {
    if (!/^\d+$/.test(itemId)) {
      throw new InvalidRequestError(`"${itemId}" is not an item id`);
    }

    const { reader, profile } = this.site;
    const data = await this.site.fetchJson(
      'item.page',
      reader.url('item.json', { itemId }),
      reader.url('item.home'),
      itemId,
    );
    const itemUrl = reader.optionalString(data, 'item.url') ?? reader.url('item.page', { itemId });

    return parseItemOffer(reader, profile, data, itemUrl);
  }

  async reserve(request: ReserveRequest): Promise<ReserveResult> {
    validateReserveRequest(request, true);

    // Cart, confirm page and submit share the page's origin and state: no renewal in between.
    return this.oneAtATime(() =>
      this.context.holdPage(() =>
        reserveOnTaobao(this.site, request, { cartConcurrency: this.cartConcurrency }),
      ),
    );
  }

  cancelOrder(orderNumber: string, reason: CancelReason): Promise<void> {
    return this.oneAtATime(async () => {
      assertOrderNumber(orderNumber);
      if (!CANCEL_REASONS.includes(reason)) {
        throw new InvalidRequestError(`"${reason}" is not a cancel reason the provider accepts`);
      }

      const { reader, profile } = this.site;
      await this.site.open('order.cancelPage', reader.url('order.cancelPage', { orderNumber }));
      await this.site.postForm('order.cancel', reader.url('order.cancel'), {
        [profile.fields.orderId]: orderNumber,
        [profile.fields.cancelReason]: reason,
      });
    });
  }

  findOrder(orderNumber: string): Promise<ProviderOrder | null> {
    return this.oneAtATime(async () => {
      assertOrderNumber(orderNumber);

      const { reader, profile } = this.site;
      try {
        const page = await this.site.open(
          'order.detail',
          reader.url('order.detail', { orderNumber }),
        );
        const data = await reader.embeddedJson(page, 'order.detailData');

        return parseMainOrder(reader, data);
      } catch (error) {
        if (
          error instanceof ProviderRejectedError &&
          profile.codes.orderNotFound.includes(error.providerCode)
        ) {
          return null;
        }

        throw error;
      }
    });
  }

  async listOrders(query: ListOrdersQuery): Promise<OrderPage> {
    if (!Number.isInteger(query.page) || query.page < 1) {
      throw new InvalidRequestError(`Page must be a whole number from 1, not ${query.page}`);
    }

    // Once the page shows the list's origin, a page of the list is a fetch and runs alongside
    // others (as the list's own pager could); opening the list page navigates, one at a time.
    await this.navigating;
    if (await this.site.showsOriginOf(this.site.reader.url('orders.list'))) {
      return this.readOrderPage(query);
    }

    return this.oneAtATime(() => this.readOrderPage(query));
  }

  private async readOrderPage(query: ListOrdersQuery): Promise<OrderPage> {
    const { reader, profile } = this.site;
    const pageSize = Math.min(query.pageSize ?? profile.maxPageSize, profile.maxPageSize);
    const data = await readBoughtPage(this.site, { pageNum: query.page, pageSize });
    const sinceMs = query.since?.getTime() ?? 0;
    // The list is ordered by creation, so an old order changed lately can sit on any page;
    // the filter applies per page and a full sync reads every page.
    const orders = reader
      .array(data, 'bought.orders')
      .filter((order) => modifiedAtMs(reader, order) >= sinceMs)
      .map((order) => parseMainOrder(reader, order));

    return {
      orders,
      page: reader.number(data, 'bought.currentPage'),
      totalPages: reader.number(data, 'bought.totalPages'),
    };
  }

  async getTracking(orderNumber: string): Promise<TrackingInfo> {
    assertOrderNumber(orderNumber);

    const { reader } = this.site;
    const data = await this.site.fetchJson(
      'order.tracking',
      reader.url('order.tracking', { orderNumber }),
      reader.url('orders.list'),
    );
    const shipped = String(reader.value(data, 'tracking.shipped')) === 'true';

    return {
      orderNumber,
      trackingNumber: shipped ? reader.string(data, 'tracking.expressId') : null,
      carrier: shipped ? reader.optionalString(data, 'tracking.company') : null,
    };
  }

  async exportSession(): Promise<SessionSnapshot | null> {
    return this.context.snapshot();
  }

  async close(): Promise<void> {
    await this.context.release();
  }
}

function assertOrderNumber(orderNumber: string): void {
  if (!/^\d+$/.test(orderNumber)) {
    throw new InvalidRequestError(`"${orderNumber}" is not an order number`);
  }
}
