import { RequestError } from '../common/errors/request-error';

export function encodeAuditCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

export function decodeAuditCursor(raw: string): { at: Date; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      const at = new Date(parsed[0]);
      if (!Number.isNaN(at.getTime())) {
        return { at, id: parsed[1] };
      }
    }
  } catch {
    // Falls through: any unreadable cursor is the same mistake.
  }

  throw RequestError.validation({ cursor: ['is not a nextCursor from a previous page'] });
}
