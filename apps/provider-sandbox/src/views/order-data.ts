import { formatFen } from '../state/money';
import { orderTotalFen, STATUS_TEXT } from '../state/orders';
import type { SandboxState } from '../state/store';
import { formatChinaTime } from '../state/time';
import type { Order, OrderStatus } from '../state/types';

const OPERATIONS: Record<OrderStatus, Array<{ id: string; text: string }>> = {
  WAIT_BUYER_PAY: [
    { id: 'pay', text: '付款' },
    { id: 'cancel', text: '取消订单' },
    { id: 'detail', text: '订单详情' },
  ],
  WAIT_SELLER_SEND_GOODS: [
    { id: 'remindSend', text: '提醒卖家发货' },
    { id: 'detail', text: '订单详情' },
  ],
  SELLER_CONSIGNED_PART: [
    { id: 'viewLogistics', text: '查看物流' },
    { id: 'detail', text: '订单详情' },
  ],
  WAIT_BUYER_CONFIRM_GOODS: [
    { id: 'viewLogistics', text: '查看物流' },
    { id: 'confirmGood', text: '确认收货' },
    { id: 'detail', text: '订单详情' },
  ],
  TRADE_FINISHED: [
    { id: 'rate', text: '评价' },
    { id: 'detail', text: '订单详情' },
  ],
  TRADE_CLOSED: [{ id: 'detail', text: '订单详情' }],
  TRADE_CLOSED_BY_TAOBAO: [
    { id: 'delete', text: '删除订单' },
    { id: 'detail', text: '订单详情' },
  ],
};

// A main order in the bought list's shape.
export function mainOrderView(state: SandboxState, origin: string, order: Order) {
  const seller = state.catalogue.sellers.get(order.sellerId);

  return {
    id: order.bizOrderId,
    orderInfo: {
      id: order.bizOrderId,
      createTime: formatChinaTime(order.createdAtMs),
      createTimeMs: order.createdAtMs,
      modifyTimeMs: order.modifiedAtMs,
    },
    seller: {
      id: order.sellerId,
      shopName: seller?.shopName ?? '',
      sellerType: seller?.isTmall ? 'B' : 'C',
    },
    statusInfo: { code: order.status, text: STATUS_TEXT[order.status] },
    operations: OPERATIONS[order.status],
    payInfo: { actualFee: formatFen(orderTotalFen(order)), postFee: '0.00' },
    subOrders: order.subOrders.map((sub) => ({
      id: sub.id,
      itemInfo: {
        id: sub.itemId,
        title: sub.title,
        pic: `${origin}/img/item/${sub.itemId}.svg`,
        skuId: sub.skuId,
        skuText: sub.skuText,
      },
      quantity: sub.quantity,
      priceInfo: {
        price: formatFen(sub.priceFen),
        realTotal: formatFen(sub.priceFen * sub.quantity),
      },
    })),
  };
}

const time = (ms: number | null) => (ms === null ? null : formatChinaTime(ms));

export function orderDetailView(state: SandboxState, origin: string, order: Order) {
  return {
    ...mainOrderView(state, origin, order),
    address: order.address,
    logistics: order.expressId
      ? { expressId: order.expressId, companyName: order.companyName }
      : null,
    payTime: time(order.payTimeMs),
    consignTime: time(order.consignTimeMs),
    closeReason: order.closeReason,
  };
}

// The control API's ground truth: everything, in plain field names.
export function groundTruthView(state: SandboxState, order: Order) {
  return {
    ...order,
    shopName: state.catalogue.sellers.get(order.sellerId)?.shopName ?? '',
    statusText: STATUS_TEXT[order.status],
    totalFee: formatFen(orderTotalFen(order)),
    subOrders: order.subOrders.map((sub) => ({ ...sub, price: formatFen(sub.priceFen) })),
  };
}
