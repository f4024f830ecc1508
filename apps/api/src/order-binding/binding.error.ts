export enum BindingErrorCode {
  ItemAlreadyClaimed = 'item_already_claimed',
  ItemsNotInOrder = 'items_not_in_order',
  ItemsNotAvailable = 'items_not_available',
  ItemsNotBound = 'items_not_bound',
  OrderPaid = 'order_paid',
  OrderNotFound = 'order_not_found',
  SessionNotUsable = 'session_not_usable',
  AccountNotFound = 'account_not_found',
}

/** Refusals of the purchase operations, before any activity starts. */
export class BindingError extends Error {
  constructor(
    readonly code: BindingErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'BindingError';
  }
}

export function bindingErrorStatus(code: BindingErrorCode): number {
  switch (code) {
    case BindingErrorCode.ItemAlreadyClaimed:
    case BindingErrorCode.OrderPaid:
      return 409;
    case BindingErrorCode.ItemsNotInOrder:
    case BindingErrorCode.ItemsNotAvailable:
    case BindingErrorCode.ItemsNotBound:
    case BindingErrorCode.SessionNotUsable:
      return 400;
    case BindingErrorCode.OrderNotFound:
    case BindingErrorCode.AccountNotFound:
      return 404;
  }
}
