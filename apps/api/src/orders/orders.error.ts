import { DomainError } from '../common/errors/domain-error';

export enum OrdersErrorCode {
  OrderNotFound = 'order_not_found',
  InvalidOrder = 'invalid_order',
  InvalidCursor = 'invalid_cursor',
}

export class OrdersError extends DomainError<OrdersErrorCode> {}
