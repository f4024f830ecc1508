import { skuText } from './catalogue';
import { CANCEL_REASONS, ProviderError, TEXTS } from './errors';
import type { ResolvedLine } from './checkout-rules';
import type { SandboxState } from './store';
import type { Address, Order, OrderChannel, OrderStatus } from './types';

export const STATUS_TEXT: Record<OrderStatus, string> = {
  WAIT_BUYER_PAY: '等待买家付款',
  WAIT_SELLER_SEND_GOODS: '等待卖家发货',
  SELLER_CONSIGNED_PART: '卖家部分发货',
  WAIT_BUYER_CONFIRM_GOODS: '等待买家确认收货',
  TRADE_FINISHED: '交易成功',
  TRADE_CLOSED: '交易关闭',
  TRADE_CLOSED_BY_TAOBAO: '交易关闭',
};

export interface CreateOrdersInput {
  login: string;
  lines: ResolvedLine[];
  channel: OrderChannel;
  address: Address | null;
  outerId: string | null;
}

// One order per seller, in the order the sellers first appear; stock is taken now.
export function createOrders(state: SandboxState, input: CreateOrdersInput): Order[] {
  const bySeller = new Map<string, ResolvedLine[]>();
  for (const line of input.lines) {
    const group = bySeller.get(line.item.sellerId) ?? [];
    group.push(line);
    bySeller.set(line.item.sellerId, group);
  }

  const now = state.now();
  const created: Order[] = [];
  for (const [sellerId, lines] of bySeller) {
    const bizOrderId = state.nextOrderId();
    const order: Order = {
      bizOrderId,
      login: input.login,
      sellerId,
      channel: input.channel,
      outerId: input.outerId,
      status: 'WAIT_BUYER_PAY',
      createdAtMs: now,
      modifiedAtMs: now,
      payTimeMs: null,
      consignTimeMs: null,
      address: input.address ? { ...input.address } : null,
      // The first sub-order shares the main order's number, as a sole one does on the real site.
      subOrders: lines.map((line, index) => ({
        id: index === 0 ? bizOrderId : state.nextOrderId(),
        itemId: line.itemId,
        skuId: line.skuId,
        title: line.item.title,
        skuText: skuText(line.item, line.sku),
        quantity: line.quantity,
        priceFen: line.sku.priceFen,
        shipped: false,
      })),
      expressId: null,
      companyName: null,
      closeReason: null,
    };
    for (const line of lines) line.sku.stock -= line.quantity;
    state.orders.set(bizOrderId, order);
    created.push(order);
  }

  return created;
}

export function orderTotalFen(order: Order): number {
  return order.subOrders.reduce((sum, sub) => sum + sub.priceFen * sub.quantity, 0);
}

function restoreStock(state: SandboxState, order: Order): void {
  for (const sub of order.subOrders) {
    const sku = state.catalogue.items.get(sub.itemId)?.skus.find((s) => s.skuId === sub.skuId);
    if (sku) sku.stock += sub.quantity;
  }
}

function requireStatus(order: Order, allowed: OrderStatus[]): void {
  if (!allowed.includes(order.status)) {
    throw new ProviderError('ORDER_STATUS_INVALID', TEXTS.orderStatusInvalid, {
      status: order.status,
    });
  }
}

function touch(state: SandboxState, order: Order, status: OrderStatus): void {
  order.status = status;
  order.modifiedAtMs = state.now();
}

export function findOrder(state: SandboxState, bizOrderId: string, login: string | null): Order {
  const order = state.orders.get(bizOrderId);
  if (!order || (login !== null && order.login !== login)) {
    throw new ProviderError('ORDER_NOT_FOUND', TEXTS.orderNotFound, { bizOrderId }, 404);
  }

  return order;
}

export function closeUnpaid(state: SandboxState, order: Order, reason: string): void {
  requireStatus(order, ['WAIT_BUYER_PAY']);
  touch(state, order, 'TRADE_CLOSED_BY_TAOBAO');
  order.closeReason = reason;
  restoreStock(state, order);
}

export function cancelOrder(state: SandboxState, order: Order, reason: unknown): void {
  if (typeof reason !== 'string' || !(CANCEL_REASONS as readonly string[]).includes(reason)) {
    throw new ProviderError('CANCEL_REASON_INVALID', TEXTS.cancelReasonInvalid, {
      reasons: CANCEL_REASONS,
    });
  }
  closeUnpaid(state, order, reason);
}

export function payOrder(state: SandboxState, order: Order): void {
  requireStatus(order, ['WAIT_BUYER_PAY']);
  touch(state, order, 'WAIT_SELLER_SEND_GOODS');
  order.payTimeMs = state.now();
}

export function shipOrder(
  state: SandboxState,
  order: Order,
  shipment: { expressId: string; companyName: string; subOrderIds: string[] | null },
): void {
  requireStatus(order, ['WAIT_SELLER_SEND_GOODS', 'SELLER_CONSIGNED_PART']);
  for (const sub of order.subOrders) {
    if (!shipment.subOrderIds || shipment.subOrderIds.includes(sub.id)) sub.shipped = true;
  }
  const allShipped = order.subOrders.every((sub) => sub.shipped);
  touch(state, order, allShipped ? 'WAIT_BUYER_CONFIRM_GOODS' : 'SELLER_CONSIGNED_PART');
  order.expressId = shipment.expressId;
  order.companyName = shipment.companyName;
  order.consignTimeMs = order.consignTimeMs ?? state.now();
}

export function refundOrder(state: SandboxState, order: Order): void {
  requireStatus(order, [
    'WAIT_SELLER_SEND_GOODS',
    'SELLER_CONSIGNED_PART',
    'WAIT_BUYER_CONFIRM_GOODS',
  ]);
  touch(state, order, 'TRADE_CLOSED');
  order.closeReason = '退款成功，交易关闭';
}

export function finishOrder(state: SandboxState, order: Order): void {
  requireStatus(order, ['WAIT_BUYER_CONFIRM_GOODS', 'SELLER_CONSIGNED_PART']);
  touch(state, order, 'TRADE_FINISHED');
}

// Unpaid orders close themselves after autoCloseMs of virtual time; checked lazily on every
// request so the result does not depend on a timer firing.
export function sweepAutoClose(state: SandboxState): void {
  const deadline = state.now() - state.config.autoCloseMs;
  for (const order of state.orders.values()) {
    if (order.status === 'WAIT_BUYER_PAY' && order.createdAtMs <= deadline) {
      closeUnpaid(state, order, TEXTS.autoClosed);
    }
  }
}
