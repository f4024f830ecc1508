import type { SandboxState } from './store';
import type { Order, OrderStatus } from './types';

export const TABS: Array<{ code: string; text: string; statuses: OrderStatus[] | null }> = [
  { code: 'all', text: '所有订单', statuses: null },
  { code: 'waitPay', text: '待付款', statuses: ['WAIT_BUYER_PAY'] },
  { code: 'waitSend', text: '待发货', statuses: ['WAIT_SELLER_SEND_GOODS'] },
  {
    code: 'waitConfirm',
    text: '待收货',
    statuses: ['WAIT_BUYER_CONFIRM_GOODS', 'SELLER_CONSIGNED_PART'],
  },
  { code: 'waitRate', text: '待评价', statuses: ['TRADE_FINISHED'] },
];

export interface BoughtQuery {
  tabCode: string;
  pageNum: number;
  pageSize: number;
  itemTitle: string;
}

export function parseBoughtQuery(raw: (name: string) => string | undefined): BoughtQuery {
  const pageNum = Math.max(1, Math.floor(Number(raw('pageNum') ?? '1')) || 1);
  const pageSize = Math.min(50, Math.max(1, Math.floor(Number(raw('pageSize') ?? '15')) || 15));
  const tabCode = TABS.some((tab) => tab.code === raw('tabCode')) ? raw('tabCode')! : 'all';

  return { tabCode, pageNum, pageSize, itemTitle: (raw('itemTitle') ?? '').trim() };
}

function matchesSearch(order: Order, text: string): boolean {
  if (text === '') return true;
  if (/^\d{10,}$/.test(text)) {
    return order.bizOrderId === text || order.subOrders.some((sub) => sub.id === text);
  }

  return order.subOrders.some((sub) => sub.title.includes(text));
}

// Newest first: by create time, then by number.
export function queryBought(state: SandboxState, login: string, query: BoughtQuery) {
  const mine = [...state.orders.values()]
    .filter((order) => order.login === login && matchesSearch(order, query.itemTitle))
    .sort((a, b) => b.createdAtMs - a.createdAtMs || b.bizOrderId.localeCompare(a.bizOrderId));
  const statuses = TABS.find((tab) => tab.code === query.tabCode)?.statuses ?? null;
  const inTab = statuses ? mine.filter((order) => statuses.includes(order.status)) : mine;
  const start = (query.pageNum - 1) * query.pageSize;

  return {
    page: {
      currentPage: query.pageNum,
      pageSize: query.pageSize,
      totalNumber: inTab.length,
      totalPage: Math.max(1, Math.ceil(inTab.length / query.pageSize)),
    },
    tabs: TABS.map((tab) => ({
      code: tab.code,
      text: tab.text,
      count: tab.statuses
        ? mine.filter((order) => tab.statuses!.includes(order.status)).length
        : mine.length,
    })),
    orders: inTab.slice(start, start + query.pageSize),
  };
}
