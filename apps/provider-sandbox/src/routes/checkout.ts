import { Router, type Request, type Response } from 'express';

import { validateAddress } from '../state/address';
import { linesBeforeLastSeller, validateCheckout } from '../state/checkout-rules';
import { cartLines, recordSnapshot, usableSnapshot } from '../state/confirm-snapshot';
import { ProviderError, TEXTS } from '../state/errors';
import { createOrders } from '../state/orders';
import type { SandboxState } from '../state/store';
import type { Fault, Order, OrderLine } from '../state/types';
import {
  checkCsrf,
  locals,
  param,
  requireAccount,
  sendProviderError,
  wantsJson,
} from '../http/context';
import { answerFault, applyFault, takeFault } from '../http/faults';
import type { SandboxRuntime } from '../http/runtime';
import { confirmView, resultOrders } from '../views/checkout-data';
import { confirmPageBody, resultPageBody } from '../views/checkout-pages';
import { layout } from '../views/html';

const pageExpired = () => new ProviderError('PAGE_EXPIRED', TEXTS.pageExpired);

// "Buy now" from the item page, or the ticked cart lines.
function requestedLines(state: SandboxState, req: Request, login: string): OrderLine[] {
  if (param(req, 'buyNow') !== '1') return cartLines(state, login, param(req, 'cartIds') ?? '');

  return [
    {
      cartId: null,
      itemId: param(req, 'itemId') ?? '',
      skuId: param(req, 'skuId') ?? '',
      quantity: Number(param(req, 'quantity') ?? '1'),
    },
  ];
}

// Confirm page and submit: the submit creates one unpaid order per seller.
export function checkoutRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  const confirm = (req: Request, res: Response) => {
    const asJson = wantsJson(req);
    const account = requireAccount(req, res, asJson);
    if (!account || applyFault(runtime, req, res, 'checkout.confirm_page', account.login, asJson))
      return;

    try {
      if (req.method === 'POST') checkCsrf(req, res);
      const requested = requestedLines(state, req, account.login);
      const lines = validateCheckout(state, account.login, requested, null);
      const token = recordSnapshot(state, account.login, lines);
      const view = confirmView(state, account, token, lines);
      if (asJson) {
        res.json({ success: true, ...view });

        return;
      }
      res.type('html').send(
        layout({
          title: '确认订单',
          nick: account.login,
          body: confirmPageBody(view, locals(res).session.csrfToken),
        }),
      );
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      sendProviderError(req, res, error, asJson);
    }
  };
  router.get('/auction/order/confirm_order.htm', confirm);
  router.post('/auction/order/confirm_order.htm', confirm);

  router.post('/auction/order/submit_order.htm', (req, res) => {
    const asJson = wantsJson(req);
    const account = requireAccount(req, res, asJson);
    if (!account) return;

    let created: Order[];
    let partial: Fault | null = null;
    try {
      checkCsrf(req, res);
      if (applyFault(runtime, req, res, 'checkout.submit.before_create', account.login, asJson))
        return;
      const snapshot = usableSnapshot(state, param(req, 'orderToken') ?? '', account.login);
      const address = validateAddress({
        fullName: param(req, 'fullName'),
        mobile: param(req, 'mobile'),
        divisionCode: param(req, 'divisionCode'),
        post: param(req, 'post'),
        addressDetail: param(req, 'addressDetail'),
      });
      const prices = new Map(snapshot.lines.map((line) => [line.skuId, line.priceFen]));
      const valid = validateCheckout(state, account.login, snapshot.lines, prices);
      // A multi-seller checkout where one seller's order fails: the others' orders exist.
      partial = takeFault(runtime, 'checkout.submit.partial', account.login);
      const lines = partial ? linesBeforeLastSeller(valid) : valid;
      created = createOrders(state, {
        login: account.login,
        lines,
        channel: 'buyer',
        address,
        outerId: null,
      });
      snapshot.orderIds = created.map((order) => order.bizOrderId);
      const ordered = new Set(lines.map((line) => line.cartId));
      state.cart = state.cart.filter((line) => !ordered.has(line.cartId));
      account.defaultAddress = address;
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      sendProviderError(req, res, error, asJson);

      return;
    }

    if (partial) {
      answerFault(runtime, res, partial, (error) => sendProviderError(req, res, error, asJson));

      return;
    }
    if (applyFault(runtime, req, res, 'checkout.submit.after_create', account.login, asJson))
      return;
    const token = param(req, 'orderToken') ?? '';
    if (asJson) {
      res.json({ success: true, orderToken: token, orders: resultOrders(state, created) });

      return;
    }
    res.redirect(302, `/auction/order/submit_result.htm?orderToken=${encodeURIComponent(token)}`);
  });

  router.get('/auction/order/submit_result.htm', (req, res) => {
    const asJson = wantsJson(req);
    const account = requireAccount(req, res, asJson);
    if (!account) return;

    const snapshot = state.confirms.get(param(req, 'orderToken') ?? '');
    if (!snapshot || snapshot.login !== account.login || snapshot.orderIds === null) {
      sendProviderError(req, res, pageExpired(), asJson);

      return;
    }
    const orders = resultOrders(
      state,
      snapshot.orderIds.map((id) => state.orders.get(id)!),
    );
    if (asJson) {
      res.json({ success: true, orderToken: snapshot.token, orders });

      return;
    }
    res.type('html').send(
      layout({
        title: '订单提交成功',
        nick: account.login,
        body: resultPageBody(snapshot.token, orders),
      }),
    );
  });

  return router;
}
