import { OrdersError, OrdersErrorCode } from './orders.error';

/** Position after the last row of a page; opaque to clients. */
export interface OrderCursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(cursor: OrderCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString(
    'base64url',
  );
}

export function decodeCursor(raw: string): OrderCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      const createdAt = new Date(parsed[0]);
      if (!Number.isNaN(createdAt.getTime())) {
        return { createdAt, id: parsed[1] };
      }
    }
  } catch {
    // Falls through to the error below: any unreadable cursor is the same mistake.
  }

  throw new OrdersError(OrdersErrorCode.InvalidCursor, 'The cursor is not one this API gave out', {
    cursor: ['is not a nextCursor from a previous page'],
  });
}
