import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signBody } from './webhook-signature';

export interface SendResult {
  ok: boolean;
  responseStatus: number | null;
  error: string | null;
}

export interface OutgoingDelivery {
  url: string;
  secret: string;
  event: string;
  deliveryId: string;
  payload: string;
  timeoutMs: number;
}

/** One HTTP POST of a delivery; any 2xx is success, everything else is a failed attempt. */
export async function sendDelivery(delivery: OutgoingDelivery): Promise<SendResult> {
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Autobuy-Webhooks/1',
        [SIGNATURE_HEADER]: signBody(delivery.secret, delivery.payload),
        [EVENT_HEADER]: delivery.event,
        [DELIVERY_HEADER]: delivery.deliveryId,
      },
      body: delivery.payload,
      // A redirect could point the signed body anywhere; the admin sets the final URL instead.
      redirect: 'manual',
      signal: AbortSignal.timeout(delivery.timeoutMs),
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;

    return {
      ok,
      responseStatus: response.status,
      error: ok ? null : `The receiver answered HTTP ${response.status}`,
    };
  } catch (error) {
    return { ok: false, responseStatus: null, error: describe(error, delivery.timeoutMs) };
  }
}

function describe(error: unknown, timeoutMs: number): string {
  const named = error as { name?: string; message?: string; cause?: { code?: string } };
  if (named.name === 'TimeoutError') {
    return `The receiver did not answer within ${timeoutMs} ms`;
  }
  const cause = named.cause?.code ? ` (${named.cause.code})` : '';

  return `Could not reach the receiver: ${named.message ?? String(error)}${cause}`.slice(0, 500);
}
