import {
  DealLimitReachedError,
  InvalidRequestError,
  ItemOutdatedError,
  NotBuyableError,
  ProviderBusyError,
  type ProviderError,
  ProviderRejectedError,
  SessionExpiredError,
} from '../errors/provider-errors';
import type { TaobaoProfile } from './taobao.profile';

/** A refusal as the site states it: `{ success:false, code, msg, details }`. */
export interface TaobaoFailure {
  code: string;
  msg: string;
  details?: Record<string, unknown> | null;
}

function firstOf(details: TaobaoFailure['details'], key: string): Record<string, string> {
  const list = details?.[key];

  return Array.isArray(list) && list.length > 0 ? (list[0] as Record<string, string>) : {};
}

/** Turns the site's error code into the typed error a caller can act on. */
export function taobaoError(
  failure: TaobaoFailure,
  profile: TaobaoProfile,
  itemId = '(unknown item)',
): ProviderError {
  const { code, msg, details } = failure;
  const codes = profile.codes;
  const is = (group: readonly string[]) => group.includes(code);

  if (is(codes.sessionExpired)) {
    return new SessionExpiredError(`The provider session has expired: ${msg}`);
  }
  if (is(codes.busy)) {
    return new ProviderBusyError(`${code} ${msg}`);
  }
  if (is(codes.dealLimit)) {
    return new DealLimitReachedError(msg);
  }
  if (is(codes.priceChanged)) {
    const change = firstOf(details, 'changes');

    return new ItemOutdatedError(
      change['itemId'] ?? itemId,
      'price',
      change['oldPrice'] ?? null,
      change['newPrice'] ?? null,
    );
  }
  if (is(codes.itemInvalid)) {
    const invalid = firstOf(details, 'invalidItems');
    const invalidItemId = invalid['itemId'] ?? itemId;
    if (invalid['reason'] === profile.invalidItemReasons.skuGone) {
      return new ItemOutdatedError(invalidItemId, 'sku', invalid['skuId'] ?? null, null);
    }
    const reason = invalid['reason'] === profile.invalidItemReasons.outOfStock ? 'stock' : 'other';

    return new NotBuyableError(invalidItemId, reason, invalid['text'] ?? msg);
  }
  if (is(codes.itemGone)) {
    return new NotBuyableError(itemId, 'other', msg);
  }
  if (is(codes.skuGone)) {
    return new ItemOutdatedError(itemId, 'sku', null, null);
  }
  if (is(codes.notBuyable)) {
    // A refusal at the confirm page (over the purchase limit) names its item in the details.
    const named = typeof details?.['itemId'] === 'string' ? details['itemId'] : itemId;

    return new NotBuyableError(named, 'other', msg);
  }
  if (is(codes.outOfStock)) {
    return new NotBuyableError(itemId, 'stock', msg);
  }
  if (is(codes.addressInvalid)) {
    const field = typeof details?.['field'] === 'string' ? ` (${details['field']})` : '';

    return new InvalidRequestError(`The provider refused the delivery address${field}: ${msg}`);
  }

  return new ProviderRejectedError(code, msg);
}
