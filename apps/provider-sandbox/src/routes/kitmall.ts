import { Router, type NextFunction, type Request, type Response } from 'express';

import { skuText } from '../state/catalogue';
import { validateCheckout } from '../state/checkout-rules';
import { ProviderError } from '../state/errors';
import { formatFen } from '../state/money';
import {
  cancelOrder,
  createOrders,
  findOrder,
  orderTotalFen,
  STATUS_TEXT,
  sweepAutoClose,
} from '../state/orders';
import type { SandboxState } from '../state/store';
import { ORDER_STATUSES, type Account, type Order, type OrderLine } from '../state/types';
import { applyFault, type FaultStep } from '../http/faults';
import { originOf } from '../http/origin';
import type { SandboxRuntime } from '../http/runtime';

class KitmallError extends Error {
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
function fromProvider(error: ProviderError): KitmallError {
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

function sendError(res: Response, error: KitmallError): void {
  res
    .status(error.status)
    .json({ error: { code: error.code, message: error.message, details: error.details } });
}

function orderView(state: SandboxState, order: Order) {
  return {
    orderId: order.bizOrderId,
    outerId: order.outerId,
    status: order.status,
    statusText: STATUS_TEXT[order.status],
    sellerId: order.sellerId,
    shopName: state.catalogue.sellers.get(order.sellerId)?.shopName ?? '',
    createdAtMs: order.createdAtMs,
    updatedAtMs: order.modifiedAtMs,
    totalFee: formatFen(orderTotalFen(order)),
    items: order.subOrders.map((sub) => ({
      itemId: sub.itemId,
      skuId: sub.skuId,
      title: sub.title,
      propsText: sub.skuText,
      quantity: sub.quantity,
      price: formatFen(sub.priceFen),
    })),
    expressId: order.expressId,
    expressName: order.companyName,
  };
}

function parseLines(body: unknown): OrderLine[] {
  const items = (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items) || items.length === 0) {
    throw new KitmallError(400, 'BAD_REQUEST', 'items must be a non-empty array');
  }

  return items.map((raw, index) => {
    const line = raw as Record<string, unknown>;
    const quantity = Number(line['quantity']);
    if (
      typeof line['itemId'] !== 'string' ||
      typeof line['skuId'] !== 'string' ||
      !Number.isInteger(quantity) ||
      quantity < 1
    ) {
      throw new KitmallError(
        400,
        'BAD_REQUEST',
        `items[${index}] needs itemId, skuId (strings) and a positive integer quantity`,
      );
    }

    return { cartId: null, itemId: line['itemId'], skuId: line['skuId'], quantity };
  });
}

type Handler = (req: Request, res: Response, account: Account) => void;

export function kitmallRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  router.use((req: Request, res: Response, next: NextFunction) => {
    const account = state.accountByApiKey(req.get('x-api-key') ?? '');
    if (!account) {
      sendError(res, new KitmallError(401, 'UNAUTHORIZED', 'Missing or unknown X-Api-Key'));

      return;
    }
    res.locals['accountLogin'] = account.login;
    res.locals['kitmallAccount'] = account;
    sweepAutoClose(state);
    next();
  });

  const handle = (step: FaultStep, handler: Handler) => (req: Request, res: Response) => {
    const account = res.locals['kitmallAccount'] as Account;
    const send = (error: ProviderError) => sendError(res, fromProvider(error));
    if (applyFault(runtime, req, res, step, account.login, true, send)) return;

    try {
      handler(req, res, account);
    } catch (error) {
      if (error instanceof KitmallError) sendError(res, error);
      else if (error instanceof ProviderError) sendError(res, fromProvider(error));
      else throw error;
    }
  };

  router.get(
    '/items/:itemId',
    handle('kitmall.item.get', (req, res) => {
      const item = state.catalogue.items.get(String(req.params['itemId']));
      const seller = item ? state.catalogue.sellers.get(item.sellerId) : undefined;
      if (!item || !seller) throw new KitmallError(404, 'ITEM_NOT_FOUND', 'Item not found');
      res.json({
        itemId: item.itemId,
        title: item.title,
        sellerId: seller.sellerId,
        shopName: seller.shopName,
        isTmall: seller.isTmall,
        buyable: item.buyEnable,
        reason: item.buyEnable ? null : item.reason,
        limit: item.limit,
        picUrl: `${originOf(req)}/img/item/${item.itemId}.svg`,
        skus: item.skus.map((sku) => ({
          skuId: sku.skuId,
          propsText: skuText(item, sku),
          props: skuText(item, sku)
            .split('; ')
            .map((pair) => {
              const [name, value] = pair.split(':');

              return { name, value };
            }),
          price: formatFen(sku.priceFen),
          stock: sku.stock,
        })),
      });
    }),
  );

  router.post(
    '/orders',
    handle('kitmall.order.create.before', (req, res, account) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const outerId =
        typeof body['outerId'] === 'string' && body['outerId'] !== '' ? body['outerId'] : null;
      const lines = parseLines(body);
      if (outerId !== null) {
        const earlier = [...state.orders.values()].filter(
          (order) =>
            order.channel === 'kitmall' &&
            order.login === account.login &&
            order.outerId === outerId,
        );
        if (earlier.length > 0) {
          res
            .status(200)
            .json({ duplicate: true, orders: earlier.map((order) => orderView(state, order)) });

          return;
        }
      }

      const resolved = validateCheckout(state, account.login, lines, null);
      const created = createOrders(state, {
        login: account.login,
        lines: resolved,
        channel: 'kitmall',
        address: null,
        outerId,
      });
      const send = (error: ProviderError) => sendError(res, fromProvider(error));
      if (applyFault(runtime, req, res, 'kitmall.order.create.after', account.login, true, send))
        return;
      res.status(201).json({ orders: created.map((order) => orderView(state, order)) });
    }),
  );

  router.get(
    '/orders/:orderId',
    handle('kitmall.order.get', (req, res, account) => {
      res.json(orderView(state, findOrder(state, String(req.params['orderId']), account.login)));
    }),
  );

  router.get(
    '/orders',
    handle('kitmall.order.list', (req, res, account) => {
      const status = typeof req.query['status'] === 'string' ? req.query['status'] : null;
      if (status !== null && !(ORDER_STATUSES as readonly string[]).includes(status)) {
        throw new KitmallError(
          400,
          'BAD_REQUEST',
          `status must be one of ${ORDER_STATUSES.join(', ')}`,
        );
      }
      const since = Number(req.query['updatedSinceMs'] ?? 0) || 0;
      const page = Math.max(1, Math.floor(Number(req.query['page'] ?? 1)) || 1);
      const pageSize = Math.min(
        100,
        Math.max(1, Math.floor(Number(req.query['pageSize'] ?? 20)) || 20),
      );
      const matching = [...state.orders.values()]
        .filter((order) => order.login === account.login && order.modifiedAtMs >= since)
        .filter((order) => status === null || order.status === status)
        .sort(
          (a, b) => b.modifiedAtMs - a.modifiedAtMs || b.bizOrderId.localeCompare(a.bizOrderId),
        );
      res.json({
        page,
        pageSize,
        total: matching.length,
        orders: matching
          .slice((page - 1) * pageSize, page * pageSize)
          .map((order) => orderView(state, order)),
      });
    }),
  );

  router.post(
    '/orders/:orderId/cancel',
    handle('kitmall.order.cancel', (req, res, account) => {
      const order = findOrder(state, String(req.params['orderId']), account.login);
      const reason = (req.body as Record<string, unknown> | undefined)?.['reason'];
      cancelOrder(
        state,
        order,
        typeof reason === 'string' && reason !== '' ? reason : '我不想买了',
      );
      res.json(orderView(state, order));
    }),
  );

  return router;
}
