import type { Response } from 'express';

import type { ProviderError } from '../state/errors';

export class KitmallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
}

// The buyer site's refusals, said the way a JSON API says them.
export function fromProvider(error: ProviderError): KitmallError {
  const details = error.details;
  switch (error.code) {
    case 'ITEM_INVALID': {
      const first = (details?.['invalidItems'] as Array<Record<string, string>> | undefined)?.[0];
      const reason = first?.['reason'];
      if (reason === 'SKU_GONE')
        return new KitmallError(404, 'SKU_NOT_FOUND', 'SKU not found', details);
      if (reason === 'OUT_OF_STOCK')
        return new KitmallError(409, 'OUT_OF_STOCK', 'Not enough stock', details);

      return new KitmallError(
        409,
        'NOT_BUYABLE',
        first?.['text'] ?? 'Item cannot be bought',
        details,
      );
    }
    case 'F-10003':
      return new KitmallError(409, 'LIMIT_EXCEEDED', 'Quantity over the purchase limit', details);
    case 'DEAL_LIMIT':
      return new KitmallError(409, 'DEAL_LIMIT', 'Too many unpaid orders on this account', details);
    case 'ORDER_NOT_FOUND':
      return new KitmallError(404, 'ORDER_NOT_FOUND', 'Order not found', details);
    case 'ORDER_STATUS_INVALID':
      return new KitmallError(409, 'ORDER_STATUS_INVALID', 'The order is not unpaid', details);
    case 'SYSTEM_ERROR':
      return new KitmallError(500, 'SYSTEM_ERROR', 'System busy, try again later');
    case 'CART_EMPTY':
    case 'QUANTITY_INVALID':
    case 'CANCEL_REASON_INVALID':
      return new KitmallError(400, 'BAD_REQUEST', error.text, details);
    default:
      return new KitmallError(503, 'BUSY', `${error.code}: ${error.text}`, details);
  }
}

export function sendKitmallError(res: Response, error: KitmallError): void {
  res
    .status(error.status)
    .json({ error: { code: error.code, message: error.message, details: error.details } });
}
