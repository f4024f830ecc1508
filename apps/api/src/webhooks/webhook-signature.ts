import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Autobuy-Signature';
export const EVENT_HEADER = 'X-Autobuy-Event';
export const DELIVERY_HEADER = 'X-Autobuy-Delivery';

/** `sha256=<hex HMAC-SHA256 of the raw body>`, the value of `X-Autobuy-Signature`. */
export function signBody(secret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** What a receiver does: recompute and compare in constant time. */
export function verifySignature(secret: string, rawBody: string | Buffer, header: string): boolean {
  const expected = Buffer.from(signBody(secret, rawBody));
  const given = Buffer.from(header);

  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
