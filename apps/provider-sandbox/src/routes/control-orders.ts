import { Router, type Request } from 'express';

import { badRequest } from '../state/control-input';
import {
  closeUnpaid,
  findOrder,
  finishOrder,
  payOrder,
  refundOrder,
  shipOrder,
} from '../state/orders';
import type { SandboxRuntime } from '../http/runtime';
import { groundTruthView } from '../views/order-data';

type Body = Record<string, unknown>;
const body = (req: Request): Body => (req.body ?? {}) as Body;

// The ground truth of orders, and what the seller (or the buyer at the cashier) does to them.
export function controlOrderRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  router.get('/orders', (req, res) => {
    const login = typeof req.query['login'] === 'string' ? req.query['login'] : null;
    const orders = [...state.orders.values()].filter(
      (order) => login === null || order.login === login,
    );
    res.json({ orders: orders.map((order) => groundTruthView(state, order)) });
  });

  router.get('/orders/:id', (req, res) =>
    res.json(groundTruthView(state, findOrder(state, String(req.params['id']), null))),
  );

  const act = (name: string, apply: (order: ReturnType<typeof findOrder>, input: Body) => void) => {
    router.post(`/orders/:id/${name}`, (req, res) => {
      const order = findOrder(state, String(req.params['id']), null);
      apply(order, body(req));
      res.json(groundTruthView(state, order));
    });
  };
  act('ship', (order, input) => {
    const subOrderIds = input['subOrderIds'];
    if (
      subOrderIds !== undefined &&
      (!Array.isArray(subOrderIds) || subOrderIds.some((id) => typeof id !== 'string'))
    ) {
      throw badRequest('subOrderIds must be an array of strings');
    }
    shipOrder(state, order, {
      expressId:
        typeof input['expressId'] === 'string'
          ? input['expressId']
          : `SF${order.bizOrderId.slice(-10)}`,
      companyName: typeof input['companyName'] === 'string' ? input['companyName'] : '顺丰速运',
      subOrderIds: (subOrderIds as string[] | undefined) ?? null,
    });
  });
  act('close', (order, input) =>
    closeUnpaid(
      state,
      order,
      typeof input['reason'] === 'string' ? input['reason'] : '卖家关闭交易',
    ),
  );
  act('refund', (order) => refundOrder(state, order));
  act('finish', (order) => finishOrder(state, order));
  act('pay', (order) => payOrder(state, order));

  return router;
}
