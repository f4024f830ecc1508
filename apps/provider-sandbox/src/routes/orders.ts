import { Router, type Request, type Response } from 'express';

import { parseBoughtQuery, queryBought } from '../state/bought-list';
import { ProviderError, TEXTS } from '../state/errors';
import { formatFen } from '../state/money';
import { cancelOrder, findOrder, orderTotalFen, payOrder } from '../state/orders';
import { formatChinaTime } from '../state/time';
import type { Account } from '../state/types';
import {
  checkCsrf,
  doWantsJson,
  locals,
  param,
  requireAccount,
  sendProviderError,
  wantsJson,
} from '../http/context';
import { applyFault, type FaultStep } from '../http/faults';
import { originOf } from '../http/origin';
import type { SandboxRuntime } from '../http/runtime';
import { layout } from '../views/html';
import { mainOrderView, orderDetailView } from '../views/order-data';
import {
  boughtPageBody,
  cancelPageBody,
  detailPageBody,
  doneBody,
  payPageBody,
} from '../views/order-pages';

type Handler = (req: Request, res: Response, account: Account, asJson: boolean) => void;

// Login, the named fault, and ProviderError rendering, shared by every order route.
function guarded(
  runtime: SandboxRuntime,
  step: FaultStep | null,
  json: (req: Request) => boolean,
  handler: Handler,
) {
  return (req: Request, res: Response) => {
    const asJson = json(req);
    const account = requireAccount(req, res, asJson);
    if (!account) return;
    if (step && applyFault(runtime, req, res, step, account.login, asJson)) return;

    try {
      handler(req, res, account, asJson);
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      sendProviderError(req, res, error, asJson);
    }
  };
}

export function orderRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  const bought = (req: Request, account: Account) => {
    const query = parseBoughtQuery((name) => param(req, name));
    const result = queryBought(state, account.login, query);
    const origin = originOf(req);

    return {
      query,
      data: {
        page: result.page,
        tabs: result.tabs,
        mainOrders: result.orders.map((order) => mainOrderView(state, origin, order)),
      },
    };
  };

  router.get(
    '/trade/itemlist/list_bought_items.htm',
    guarded(runtime, 'orders.list', wantsJson, (req, res, account, asJson) => {
      const { query, data } = bought(req, account);
      if (asJson) {
        res.json({ success: true, ...data });

        return;
      }
      res.type('html').send(
        layout({
          title: '已买到的宝贝',
          nick: account.login,
          body: boughtPageBody(data, query.tabCode, query.itemTitle),
        }),
      );
    }),
  );

  const asyncBought = guarded(
    runtime,
    'orders.list',
    () => true,
    (req, res, account) => {
      res.json({ success: true, ...bought(req, account).data });
    },
  );
  router.get('/trade/itemlist/asyncBought.htm', asyncBought);
  router.post('/trade/itemlist/asyncBought.htm', asyncBought);

  router.get(
    '/trade/detail/trade_order_detail.htm',
    guarded(runtime, 'order.detail', wantsJson, (req, res, account, asJson) => {
      const order = findOrder(state, param(req, 'biz_order_id') ?? '', account.login);
      const detail = orderDetailView(state, originOf(req), order);
      if (asJson) {
        res.json({ success: true, ...detail });

        return;
      }
      res
        .type('html')
        .send(layout({ title: '订单详情', nick: account.login, body: detailPageBody(detail) }));
    }),
  );

  router.get(
    '/trade/json/transit_step.do',
    guarded(
      runtime,
      'tracking',
      () => true,
      (req, res, account) => {
        const order = findOrder(state, param(req, 'bizOrderId') ?? '', account.login);
        if (!order.expressId || order.consignTimeMs === null) {
          res.json({ success: true, isSuccess: 'false', msg: '暂无物流信息' });

          return;
        }
        res.json({
          success: true,
          isSuccess: 'true',
          expressId: order.expressId,
          expressName: order.companyName,
          address: [
            {
              place: `【${order.companyName}】卖家已发货`,
              time: formatChinaTime(order.consignTimeMs),
            },
          ],
        });
      },
    ),
  );

  router.get(
    '/trade/cancel_order.htm',
    guarded(
      runtime,
      null,
      () => false,
      (req, res, account) => {
        const order = findOrder(state, param(req, 'biz_order_id') ?? '', account.login);
        res.type('html').send(
          layout({
            title: '取消订单',
            nick: account.login,
            body: cancelPageBody(order.bizOrderId, locals(res).session.csrfToken),
          }),
        );
      },
    ),
  );

  router.post(
    '/trade/cancel_order.do',
    guarded(runtime, 'order.cancel', doWantsJson, (req, res, account, asJson) => {
      checkCsrf(req, res);
      const order = findOrder(state, param(req, 'bizOrderId') ?? '', account.login);
      cancelOrder(state, order, param(req, 'reason'));
      if (asJson) {
        res.json({ success: true, bizOrderId: order.bizOrderId, status: order.status });

        return;
      }
      res.type('html').send(
        layout({
          title: '取消订单',
          nick: account.login,
          body: doneBody('J_CancelDone', '订单已取消'),
        }),
      );
    }),
  );

  const payIds = (req: Request, name: string) =>
    (param(req, name) ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);

  // The cashier is one button: no Alipay, no balance, no payment password (a simplification).
  router.get(
    '/trade/pay.htm',
    guarded(
      runtime,
      null,
      () => false,
      (req, res, account) => {
        const orders = payIds(req, 'biz_order_id').map((id) => findOrder(state, id, account.login));
        const total = formatFen(orders.reduce((sum, order) => sum + orderTotalFen(order), 0));
        const body = payPageBody(
          orders.map((order) => order.bizOrderId),
          total,
          locals(res).session.csrfToken,
        );
        res.type('html').send(layout({ title: '收银台', nick: account.login, body }));
      },
    ),
  );

  router.post(
    '/trade/pay.do',
    guarded(runtime, 'order.pay', doWantsJson, (req, res, account, asJson) => {
      checkCsrf(req, res);
      const orders = payIds(req, 'bizOrderIds').map((id) => findOrder(state, id, account.login));
      if (orders.length === 0)
        throw new ProviderError('ORDER_NOT_FOUND', TEXTS.orderNotFound, null, 404);
      // All or nothing: check every order before paying any.
      const notPayable = orders.find((order) => order.status !== 'WAIT_BUYER_PAY');
      if (notPayable) {
        throw new ProviderError('ORDER_STATUS_INVALID', TEXTS.orderStatusInvalid, {
          bizOrderId: notPayable.bizOrderId,
        });
      }
      for (const order of orders) payOrder(state, order);
      if (asJson) {
        res.json({ success: true, paid: orders.map((order) => order.bizOrderId) });

        return;
      }
      res.type('html').send(
        layout({
          title: '付款成功',
          nick: account.login,
          body: doneBody('J_PayDone', '付款成功'),
        }),
      );
    }),
  );

  return router;
}
