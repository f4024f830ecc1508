/**
 * Every way a provider call can fail, as a code. Callers switch over it exhaustively to decide
 * whether to ask the operator, retry later, or give up.
 */
export const PROVIDER_ERROR_CODES = [
  'session_expired',
  'challenge_required',
  'deal_limit_reached',
  'item_outdated',
  'not_buyable',
  'provider_busy',
  'provider_changed',
  'provider_rejected',
  'timeout',
  'invalid_request',
  'browser_unavailable',
] as const;
export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number];

/** What a login challenge asks for. `punish` is a risk-control interception page. */
export type ChallengeKind = 'sms' | 'qr' | 'slider' | 'punish' | 'identity' | 'unknown';

/** Why an item cannot be bought automatically. */
export type NotBuyableReason = 'tmall' | 'stock' | 'other';

/**
 * Base of all provider errors. `cause` carries the lower-level error (a Puppeteer timeout, an
 * HTTP failure) so logs show the whole chain.
 */
export abstract class ProviderError extends Error {
  abstract readonly code: ProviderErrorCode;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The stored session is no longer logged in; the operator must log in again. */
export class SessionExpiredError extends ProviderError {
  readonly code = 'session_expired';

  constructor(message = 'The provider session has expired', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The provider wants a human to solve something (SMS code, QR scan, slider) before going on. */
export class ChallengeRequiredError extends ProviderError {
  readonly code = 'challenge_required';

  constructor(
    readonly kind: ChallengeKind,
    message = `The provider asks for a ${kind} challenge`,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The account holds as many unpaid orders as the provider allows. */
export class DealLimitReachedError extends ProviderError {
  readonly code = 'deal_limit_reached';

  constructor(
    readonly providerText: string,
    options?: { cause?: unknown },
  ) {
    super(`The account has reached its limit of unpaid orders: ${providerText}`, options);
  }
}

/** An item changed since it was ordered by the shop's customer (price, SKU, configuration). */
export class ItemOutdatedError extends ProviderError {
  readonly code = 'item_outdated';

  constructor(
    readonly itemId: string,
    readonly field: 'price' | 'sku' | 'configuration' | 'item',
    readonly oldValue: string | null,
    readonly newValue: string | null,
    options?: { cause?: unknown },
  ) {
    super(
      `Item ${itemId} changed its ${field}: ${oldValue ?? '(none)'} → ${newValue ?? '(none)'}`,
      options,
    );
  }
}

/** The item cannot be bought: a Tmall item, out of stock, or refused for another reason. */
export class NotBuyableError extends ProviderError {
  readonly code = 'not_buyable';

  constructor(
    readonly itemId: string,
    readonly reason: NotBuyableReason,
    readonly text: string,
    options?: { cause?: unknown },
  ) {
    super(`Item ${itemId} cannot be bought (${reason}): ${text}`, options);
  }
}

/** The provider is overloaded or its risk control pushed back; try again later. */
export class ProviderBusyError extends ProviderError {
  readonly code = 'provider_busy';

  constructor(
    readonly providerText: string,
    options?: { cause?: unknown },
  ) {
    super(`The provider is busy: ${providerText}`, options);
  }
}

/**
 * A page or API no longer matches the provider profile: the site changed and the named profile
 * entry must be updated.
 */
export class ProviderChangedError extends ProviderError {
  readonly code = 'provider_changed';

  constructor(
    readonly profileEntry: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`The provider no longer matches profile entry "${profileEntry}": ${detail}`, options);
  }
}

/**
 * The provider refused an operation with an error it explained (e.g. a duplicate order, an
 * over-limit quantity); `providerCode` and `providerText` are the provider's own words.
 */
export class ProviderRejectedError extends ProviderError {
  readonly code = 'provider_rejected';

  constructor(
    readonly providerCode: string,
    readonly providerText: string,
    options?: { cause?: unknown },
  ) {
    super(`The provider refused: ${providerCode} ${providerText}`, options);
  }
}

/** A step did not finish within its hard time limit. */
export class ProviderTimeoutError extends ProviderError {
  readonly code = 'timeout';

  constructor(
    readonly step: string,
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(`Step "${step}" did not finish within ${timeoutMs} ms`, options);
  }
}

/** The caller passed something the adapter cannot act on; nothing was sent to the provider. */
export class InvalidRequestError extends ProviderError {
  readonly code = 'invalid_request';
}

/** No browser could be started (Chromium missing or crashing at launch). */
export class BrowserUnavailableError extends ProviderError {
  readonly code = 'browser_unavailable';
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
