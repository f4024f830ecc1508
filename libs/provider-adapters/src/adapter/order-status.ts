import { ProviderChangedError } from '../errors/provider-errors';

/**
 * A provider order's status in provider-neutral words. Each adapter maps its provider's codes
 * onto these.
 */
export const PROVIDER_ORDER_STATUSES = [
  'unpaid',
  'paid',
  'partly_shipped',
  'shipped',
  'finished',
  'closed',
  'cancelled',
] as const;
export type ProviderOrderStatus = (typeof PROVIDER_ORDER_STATUSES)[number];

const TAOBAO_STATUS_CODES: Readonly<Record<string, ProviderOrderStatus>> = {
  WAIT_BUYER_PAY: 'unpaid',
  WAIT_SELLER_SEND_GOODS: 'paid',
  SELLER_CONSIGNED_PART: 'partly_shipped',
  WAIT_BUYER_CONFIRM_GOODS: 'shipped',
  TRADE_FINISHED: 'finished',
  // Closed after payment, e.g. refunded.
  TRADE_CLOSED: 'closed',
  // Closed before payment: cancelled by the buyer or timed out unpaid.
  TRADE_CLOSED_BY_TAOBAO: 'cancelled',
};

/**
 * Maps a Taobao-style status code (`WAIT_BUYER_PAY`, …) to a neutral status. An unknown code
 * means the provider changed, so it throws naming `profileEntry` instead of guessing.
 */
export function mapTaobaoStatus(code: string, profileEntry: string): ProviderOrderStatus {
  const status = TAOBAO_STATUS_CODES[code];
  if (status === undefined) {
    throw new ProviderChangedError(profileEntry, `unknown order status code "${code}"`);
  }

  return status;
}
