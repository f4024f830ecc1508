import { CANCEL_REASONS } from '../state/errors';
import type { mainOrderView, orderDetailView } from './order-data';
import { embedJson, escapeHtml } from './html';

type MainOrderView = ReturnType<typeof mainOrderView>;

type SubOrderView = MainOrderView['subOrders'][number];

function subOrderLine(sub: SubOrderView): string {
  const sku = `<small>${escapeHtml(sub.itemInfo.skuText)}</small>`;

  return `<li class="J_SubOrder" data-item-id="${sub.itemInfo.id}">
${escapeHtml(sub.itemInfo.title)} ${sku} ×${sub.quantity}</li>`;
}

function operationLink(orderId: string, op: { id: string; text: string }): string {
  const href =
    op.id === 'cancel'
      ? `/trade/cancel_order.htm?biz_order_id=${orderId}`
      : op.id === 'pay'
        ? `/trade/pay.htm?biz_order_id=${orderId}`
        : `/trade/detail/trade_order_detail.htm?biz_order_id=${orderId}`;

  return `<a class="J_Operation" data-op="${op.id}" href="${href}">${escapeHtml(op.text)}</a>`;
}

function statusText(status: { code: string; text: string }): string {
  return `<span class="J_StatusText" data-status="${status.code}">${status.text}</span>`;
}

function orderRow(order: MainOrderView): string {
  const operations = order.operations.map((op) => operationLink(order.id, op)).join(' ');

  return `<div class="J_MainOrder" data-biz-order-id="${order.id}">
<p>${order.orderInfo.createTime} 订单号: <span class="J_OrderId">${order.id}</span>
${escapeHtml(order.seller.shopName)}</p>
<ul>${order.subOrders.map(subOrderLine).join('')}</ul>
<p>实付款 ¥${order.payInfo.actualFee} ${statusText(order.statusInfo)} ${operations}</p>
</div>`;
}

export interface BoughtPageData {
  page: { currentPage: number; pageSize: number; totalNumber: number; totalPage: number };
  tabs: Array<{ code: string; text: string; count: number }>;
  mainOrders: MainOrderView[];
}

export function boughtPageBody(data: BoughtPageData, tabCode: string, itemTitle: string): string {
  const tabs = data.tabs
    .map(
      (tab) =>
        `<a class="J_Tab${tab.code === tabCode ? ' selected' : ''}" data-tab-code="${tab.code}"
href="?tabCode=${tab.code}">${tab.text} ${tab.count}</a>`,
    )
    .join(' ');

  const rows = data.mainOrders.map(orderRow).join('');
  const page = data.page;

  return `<h2>已买到的宝贝</h2>
<p id="J_Tabs">${tabs}</p>
<form id="J_SearchForm" method="get">
<input id="J_ItemTitle" name="itemTitle" value="${escapeHtml(itemTitle)}"
  placeholder="输入宝贝标题或订单号进行搜索">
<input type="hidden" name="tabCode" value="${escapeHtml(tabCode)}">
<button type="submit">订单搜索</button></form>
<div id="J_OrderList">${rows || '<p id="J_NoOrders">没有符合条件的宝贝</p>'}</div>
<p id="J_Pager" data-total-page="${page.totalPage}">第 ${page.currentPage} / ${page.totalPage} 页</p>
${embedJson('J_BoughtData', data)}`;
}

export function detailPageBody(detail: ReturnType<typeof orderDetailView>): string {
  const logistics = detail.logistics
    ? `<p>物流：${escapeHtml(detail.logistics.companyName)}
<span id="J_ExpressId">${escapeHtml(detail.logistics.expressId)}</span></p>`
    : '';
  const closeReason = detail.closeReason
    ? `<p>关闭原因：<span id="J_CloseReason">${escapeHtml(detail.closeReason)}</span></p>`
    : '';

  return `<h2>订单详情</h2>
<div id="J_OrderDetail" data-biz-order-id="${detail.id}">
<p>订单号：${detail.id}</p>
<p>状态：${statusText(detail.statusInfo)}</p>
${logistics}
${closeReason}
</div>
${embedJson('J_DetailData', detail)}`;
}

export function cancelPageBody(bizOrderId: string, csrfToken: string): string {
  return `<h2>取消订单</h2>
<form id="J_CancelForm" method="post" action="/trade/cancel_order.do">
<input type="hidden" name="bizOrderId" value="${escapeHtml(bizOrderId)}">
<input type="hidden" name="_tb_token_" value="${escapeHtml(csrfToken)}">
<p>订单号 ${escapeHtml(bizOrderId)}，请选择取消订单的理由：
<select id="J_CancelReason" name="reason"><option value="">请选择</option>
${CANCEL_REASONS.map((reason) => `<option value="${reason}">${reason}</option>`).join('')}
</select></p>
<p><button type="submit" id="J_CancelSubmit">确定</button></p>
</form>`;
}

export function payPageBody(ids: string[], total: string, csrfToken: string): string {
  return `<h2>收银台</h2>
<form id="J_PayForm" method="post" action="/trade/pay.do">
<input type="hidden" name="bizOrderIds" value="${escapeHtml(ids.join(','))}">
<input type="hidden" name="_tb_token_" value="${escapeHtml(csrfToken)}">
<p>订单：${ids.map(escapeHtml).join(', ')}</p>
<p>需付款：¥<span id="J_PayTotal">${total}</span></p>
<p><button type="submit" id="J_PayButton">确认付款</button></p>
</form>`;
}

export function doneBody(id: string, text: string): string {
  return `<div id="${id}"><p>${escapeHtml(text)}</p>
<p><a href="/trade/itemlist/list_bought_items.htm">返回已买到的宝贝</a></p></div>`;
}
