import { Router, type Request, type Response } from 'express';

import { validateAddress } from '../state/address';
import { validateCheckout, type ResolvedLine } from '../state/checkout-rules';
import { skuText } from '../state/catalogue';
import { ProviderError, TEXTS } from '../state/errors';
import { formatFen } from '../state/money';
import { createOrders, orderTotalFen } from '../state/orders';
import type { SandboxState } from '../state/store';
import type { Account, ConfirmSnapshot, Order, OrderLine } from '../state/types';
import {
  checkCsrf,
  locals,
  param,
  requireAccount,
  sendProviderError,
  wantsJson,
} from '../http/context';
import { applyFault } from '../http/faults';
import type { SandboxRuntime } from '../http/runtime';
import { layout } from '../views/html';
import {
  confirmPageBody,
  resultPageBody,
  type ConfirmView,
  type ResultOrderView,
} from '../views/checkout-pages';

const CONFIRM_LIFETIME_MS = 30 * 60_000;
const alreadyOrdered = () => new ProviderError('B-15034', TEXTS.alreadyOrdered);
const pageExpired = () => new ProviderError('PAGE_EXPIRED', TEXTS.pageExpired);

function requestedLines(state: SandboxState, req: Request, login: string): OrderLine[] {
  if (param(req, 'buyNow') === '1') {
    return [
      {
        cartId: null,
        itemId: param(req, 'itemId') ?? '',
        skuId: param(req, 'skuId') ?? '',
        quantity: Number(param(req, 'quantity') ?? '1'),
      },
    ];
  }

  const ids = (param(req, 'cartIds') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const lines = ids.map((id) =>
    state.cart.find((line) => line.login === login && line.cartId === id),
  );
  // A cart line that is gone was ordered already (the cart drops ordered lines).
  if (lines.some((line) => line === undefined)) throw alreadyOrdered();

  return lines.map((line) => ({
    cartId: line!.cartId,
    itemId: line!.itemId,
    skuId: line!.skuId,
    quantity: line!.quantity,
  }));
}

function confirmView(
  state: SandboxState,
  account: Account,
  token: string,
  lines: ResolvedLine[],
): ConfirmView {
  const groups = new Map<string, ConfirmView['groups'][number] & { totalFen: number }>();
  for (const line of lines) {
    const seller = state.catalogue.sellers.get(line.item.sellerId)!;
    const group = groups.get(seller.sellerId) ?? {
      sellerId: seller.sellerId,
      shopName: seller.shopName,
      sellerType: seller.isTmall ? 'B' : 'C',
      items: [],
      total: '0.00',
      totalFen: 0,
    };
    groups.set(seller.sellerId, group);
    const totalFen = line.sku.priceFen * line.quantity;
    group.items.push({
      cartId: line.cartId,
      itemId: line.itemId,
      skuId: line.skuId,
      title: line.item.title,
      skuText: skuText(line.item, line.sku),
      price: formatFen(line.sku.priceFen),
      quantity: line.quantity,
      total: formatFen(totalFen),
    });
    group.totalFen += totalFen;
    group.total = formatFen(group.totalFen);
  }
  const all = [...groups.values()];

  return {
    orderToken: token,
    address: account.defaultAddress,
    groups: all.map(({ totalFen: _totalFen, ...group }) => ({ ...group, postFee: '0.00' })),
    totalPrice: formatFen(all.reduce((sum, group) => sum + group.totalFen, 0)),
  };
}

export function resultOrders(state: SandboxState, orders: Order[]): ResultOrderView[] {
  return orders.map((order) => ({
    bizOrderId: order.bizOrderId,
    sellerId: order.sellerId,
    shopName: state.catalogue.sellers.get(order.sellerId)?.shopName ?? '',
    totalFee: formatFen(orderTotalFen(order)),
    items: order.subOrders.map((sub) => ({
      itemId: sub.itemId,
      skuId: sub.skuId,
      quantity: sub.quantity,
    })),
  }));
}

function usableSnapshot(state: SandboxState, req: Request, login: string): ConfirmSnapshot {
  const snapshot = state.confirms.get(param(req, 'orderToken') ?? '');
  if (
    !snapshot ||
    snapshot.login !== login ||
    state.now() - snapshot.createdAtMs > CONFIRM_LIFETIME_MS
  ) {
    throw pageExpired();
  }
  if (snapshot.orderIds !== null) throw alreadyOrdered();
  const cartIds = snapshot.lines
    .map((line) => line.cartId)
    .filter((id): id is string => id !== null);
  if (cartIds.some((id) => !state.cart.some((line) => line.cartId === id))) throw alreadyOrdered();

  return snapshot;
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
      const lines = validateCheckout(
        state,
        account.login,
        requestedLines(state, req, account.login),
        null,
      );
      const token = state.token('ot_');
      state.confirms.set(token, {
        token,
        login: account.login,
        lines: lines.map((line) => ({
          cartId: line.cartId,
          itemId: line.itemId,
          skuId: line.skuId,
          quantity: line.quantity,
          priceFen: line.sku.priceFen,
        })),
        createdAtMs: state.now(),
        orderIds: null,
      });
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
    try {
      checkCsrf(req, res);
      if (applyFault(runtime, req, res, 'checkout.submit.before_create', account.login, asJson))
        return;
      const snapshot = usableSnapshot(state, req, account.login);
      const address = validateAddress({
        fullName: param(req, 'fullName'),
        mobile: param(req, 'mobile'),
        divisionCode: param(req, 'divisionCode'),
        post: param(req, 'post'),
        addressDetail: param(req, 'addressDetail'),
      });
      const prices = new Map(snapshot.lines.map((line) => [line.skuId, line.priceFen]));
      const lines = validateCheckout(state, account.login, snapshot.lines, prices);
      created = createOrders(state, {
        login: account.login,
        lines,
        channel: 'buyer',
        address,
        outerId: null,
      });
      snapshot.orderIds = created.map((order) => order.bizOrderId);
      const ordered = new Set(snapshot.lines.map((line) => line.cartId));
      state.cart = state.cart.filter((line) => !ordered.has(line.cartId));
      account.defaultAddress = address;
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      sendProviderError(req, res, error, asJson);

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
