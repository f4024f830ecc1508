import type { ProviderCode } from '@autobuy/contracts';

import type { LoginStream } from '../login/login-stream.types';
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
} from './types';

/**
 * A marketplace Autobuy buys on. One implementation per provider; every call fails with a
 * {@link ProviderError} subclass, never with a bare `Error`, and no call reports something
 * (an order, a login) the provider has not shown.
 *
 * Work for one account happens inside a {@link ProviderJob}: open it, make the calls, close it.
 * Browser-driven providers hold one browser context per job, so calls within a job share
 * cookies and are cheap; jobs of different accounts never see each other's session.
 */
export interface ProviderAdapter {
  readonly code: ProviderCode;
  /** Whether the operator logs in through the remote-browser popup or with an API key. */
  readonly loginKind: 'browser' | 'api-key';

  /**
   * Opens the provider's login page in a fresh context for the account and streams it.
   * Throws `InvalidRequestError` for providers that log in with an API key.
   */
  startLogin(account: AccountAccess): Promise<LoginStream>;

  /**
   * Starts a job for one account, rebuilt from its stored session (or API key). Close it when
   * done, in a `finally`, so the browser context is released.
   */
  openJob(account: AccountAccess): Promise<ProviderJob>;
}

/** The calls available for one account within one job. */
export interface ProviderJob {
  /** Asks the provider whether the session is logged in, and as whom. Never throws `SessionExpiredError`. */
  checkSession(): Promise<SessionCheck>;

  /**
   * The item as the provider offers it now: SKUs with price and stock, Tmall or not, buyable
   * or not. Throws `NotBuyableError` only when the item no longer exists.
   */
  getItemOffer(itemId: string): Promise<ItemOffer>;

  /**
   * Reserves the lines as unpaid orders: all go into the cart, then ONE checkout for all of
   * them, which the provider splits into one order per seller. Before anything is submitted,
   * each line is checked against the current offer (`ItemOutdatedError`, `NotBuyableError`).
   * The result lists only orders found in the provider's order list afterwards; if the submit
   * failed, the error says how (`DealLimitReachedError`, `ProviderBusyError`, …).
   */
  reserve(request: ReserveRequest): Promise<ReserveResult>;

  /** Cancels an unpaid order with one of the provider's reasons. */
  cancelOrder(orderNumber: string, reason: CancelReason): Promise<void>;

  /** Finds one order by its number; null when the provider does not know it. */
  findOrder(orderNumber: string): Promise<ProviderOrder | null>;

  /** One page of orders, newest first, optionally only those created since a time. */
  listOrders(query: ListOrdersQuery): Promise<OrderPage>;

  /** The tracking number of an order (null until shipped). Throws when the order is unknown. */
  getTracking(orderNumber: string): Promise<TrackingInfo>;

  /**
   * The session as it is now (cookies may have been refreshed during the job), for the caller
   * to store again; null for API-key providers.
   */
  exportSession(): Promise<SessionSnapshot | null>;

  /** Releases the job's browser context. Safe to call twice. */
  close(): Promise<void>;
}

/** Runs `work` inside a job and always closes it. */
export async function withJob<T>(
  adapter: ProviderAdapter,
  account: AccountAccess,
  work: (job: ProviderJob) => Promise<T>,
): Promise<T> {
  const job = await adapter.openJob(account);
  try {
    return await work(job);
  } finally {
    await job.close();
  }
}
