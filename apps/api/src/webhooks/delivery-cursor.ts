import { RequestError } from '../common/errors/request-error';

/** Position after the last delivery of a page (newest first); opaque to clients. */
export interface DeliveryCursor {
  createdAt: Date;
  id: string;
}

export function encodeDeliveryCursor(cursor: DeliveryCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString(
    'base64url',
  );
}

export function decodeDeliveryCursor(raw: string): DeliveryCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      const createdAt = new Date(parsed[0]);
      if (!Number.isNaN(createdAt.getTime())) {
        return { createdAt, id: parsed[1] };
      }
    }
  } catch {
    // Falls through: any unreadable cursor is the same mistake.
  }

  throw RequestError.validation({ cursor: ['is not a nextCursor from a previous page'] });
}
