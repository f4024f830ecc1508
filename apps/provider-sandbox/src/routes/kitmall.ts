import { Router, type NextFunction, type Request, type Response } from 'express';

import { validateCheckout } from '../state/checkout-rules';
import { ProviderError } from '../state/errors';
import { cancelOrder, createOrders, findOrder, sweepAutoClose } from '../state/orders';
import { ORDER_STATUSES, type Account } from '../state/types';
import { applyFault, type FaultStep } from '../http/faults';
import { originOf } from '../http/origin';
import type { SandboxRuntime } from '../http/runtime';
import { kitmallItemView, kitmallOrderView } from '../views/kitmall-data';
import { fromProvider, KitmallError, sendKitmallError } from './kitmall-errors';
import { parseLines } from './kitmall-input';

type Handler = (req: Request, res: Response, account: Account) => void;

export function kitmallRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  router.use((req: Request, res: Response, next: NextFunction) => {
    const account = state.accountByApiKey(req.get('x-api-key') ?? '');
    if (!account) {
      sendKitmallError(res, new KitmallError(401, 'UNAUTHORIZED', 'Missing or unknown X-Api-Key'));

      return;
    }
    res.locals['accountLogin'] = account.login;
    res.locals['kitmallAccount'] = account;
    sweepAutoClose(state);
    next();
  });

  const handle = (step: FaultStep, handler: Handler) => (req: Request, res: Response) => {
    const account = res.locals['kitmallAccount'] as Account;
    const send = (error: ProviderError) => sendKitmallError(res, fromProvider(error));
    if (applyFault(runtime, req, res, step, account.login, true, send)) return;

    try {
      handler(req, res, account);
    } catch (error) {
      if (error instanceof KitmallError) sendKitmallError(res, error);
      else if (error instanceof ProviderError) sendKitmallError(res, fromProvider(error));
      else throw error;
    }
  };

  router.get(
    '/items/:itemId',
    handle('kitmall.item.get', (req, res) => {
      const item = state.catalogue.items.get(String(req.params['itemId']));
      const seller = item ? state.catalogue.sellers.get(item.sellerId) : undefined;
      if (!item || !seller) throw new KitmallError(404, 'ITEM_NOT_FOUND', 'Item not found');
      res.json(kitmallItemView(originOf(req), item, seller));
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
          res.status(200).json({
            duplicate: true,
            orders: earlier.map((order) => kitmallOrderView(state, order)),
          });

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
      const send = (error: ProviderError) => sendKitmallError(res, fromProvider(error));
      if (applyFault(runtime, req, res, 'kitmall.order.create.after', account.login, true, send))
        return;
      res.status(201).json({ orders: created.map((order) => kitmallOrderView(state, order)) });
    }),
  );

  router.get(
    '/orders/:orderId',
    handle('kitmall.order.get', (req, res, account) => {
      res.json(
        kitmallOrderView(state, findOrder(state, String(req.params['orderId']), account.login)),
      );
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
          .map((order) => kitmallOrderView(state, order)),
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
      res.json(kitmallOrderView(state, order));
    }),
  );

  return router;
}
