import { Router } from 'express';

import { addToCart, cartView } from '../state/cart';
import { ProviderError } from '../state/errors';
import {
  checkCsrf,
  locals,
  param,
  requireAccount,
  sendProviderError,
  wantsJson,
} from '../http/context';
import { applyFault } from '../http/faults';
import { originOf } from '../http/origin';
import type { SandboxRuntime } from '../http/runtime';
import { layout } from '../views/html';
import { cartPageBody } from '../views/cart-page';
import { cartScript } from '../views/scripts';

export function cartRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  router.get('/cart', (req, res) => {
    const asJson = wantsJson(req);
    const account = requireAccount(req, res, asJson);
    if (!account || applyFault(runtime, req, res, 'cart.page', account.login, asJson)) return;

    const data = cartView(state, account.login, originOf(req));
    if (asJson) {
      res.json({ success: true, ...data });

      return;
    }
    res.type('html').send(
      layout({
        title: '我的购物车',
        nick: account.login,
        body: cartPageBody(data, locals(res).session.csrfToken),
        script: cartScript(),
      }),
    );
  });

  router.post('/cart/add.do', (req, res) => {
    const account = requireAccount(req, res, true);
    if (!account || applyFault(runtime, req, res, 'cart.add', account.login, true)) return;

    try {
      checkCsrf(req, res);
      const line = addToCart(state, account.login, {
        itemId: param(req, 'itemId') ?? '',
        skuId: param(req, 'skuId') ?? '',
        quantity: Number(param(req, 'quantity') ?? '1'),
      });
      res.json({ success: true, cartId: line.cartId, quantity: line.quantity });
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      sendProviderError(req, res, error, true);
    }
  });

  router.post('/cart/update.do', (req, res) => {
    const account = requireAccount(req, res, true);
    if (!account) return;

    try {
      checkCsrf(req, res);
      const line = state.cart.find(
        (c) => c.login === account.login && c.cartId === param(req, 'cartId'),
      );
      const quantity = Number(param(req, 'quantity'));
      if (!line) throw new ProviderError('CART_LINE_NOT_FOUND', '购物车中没有该宝贝');
      if (!Number.isInteger(quantity) || quantity < 1)
        throw new ProviderError('QUANTITY_INVALID', '购买数量不正确');
      line.quantity = quantity;
      res.json({ success: true });
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      sendProviderError(req, res, error, true);
    }
  });

  router.post('/cart/delete.do', (req, res) => {
    const account = requireAccount(req, res, true);
    if (!account) return;

    try {
      checkCsrf(req, res);
      const ids = new Set((param(req, 'cartIds') ?? '').split(',').filter(Boolean));
      const before = state.cart.length;
      state.cart = state.cart.filter(
        (line) => !(line.login === account.login && ids.has(line.cartId)),
      );
      res.json({ success: true, deleted: before - state.cart.length });
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      sendProviderError(req, res, error, true);
    }
  });

  return router;
}
