import type { Address } from '../state/types';
import { embedJson, escapeHtml } from './html';

export interface ConfirmGroupView {
  sellerId: string;
  shopName: string;
  sellerType: string;
  items: Array<{
    cartId: string | null;
    itemId: string;
    skuId: string;
    title: string;
    skuText: string;
    price: string;
    quantity: number;
    total: string;
  }>;
  total: string;
  postFee?: string;
}

export interface ConfirmView {
  orderToken: string;
  address: Address | null;
  groups: ConfirmGroupView[];
  totalPrice: string;
}

function addressInput(
  id: string,
  name: keyof Address,
  label: string,
  value: string | undefined,
): string {
  return `<p>${label}：<input id="${id}" name="${name}" value="${escapeHtml(value ?? '')}"></p>`;
}

function confirmRow(item: ConfirmGroupView['items'][number]): string {
  const title = `${escapeHtml(item.title)}<br><small>${escapeHtml(item.skuText)}</small>`;

  return `<tr><td>${title}</td><td>¥${item.price}</td><td>${item.quantity}</td>
<td>¥${item.total}</td></tr>`;
}

function confirmGroup(group: ConfirmGroupView): string {
  return `<div class="J_OrderGroup" data-seller-id="${group.sellerId}">
<h3>${escapeHtml(group.shopName)}</h3><table>${group.items.map(confirmRow).join('')}</table>
<p>店铺合计：¥<span class="J_GroupTotal">${group.total}</span></p></div>`;
}

export function confirmPageBody(view: ConfirmView, csrfToken: string): string {
  const groups = view.groups.map(confirmGroup).join('');
  const address = view.address;

  return `<h2>确认订单信息</h2>
<form id="J_OrderForm" method="post" action="/auction/order/submit_order.htm">
<input type="hidden" name="orderToken" value="${escapeHtml(view.orderToken)}">
<input type="hidden" name="_tb_token_" value="${escapeHtml(csrfToken)}">
<fieldset id="J_Address"><legend>收货地址</legend>
${addressInput('J_AddrName', 'fullName', '收货人', address?.fullName)}
${addressInput('J_AddrMobile', 'mobile', '手机号码', address?.mobile)}
${addressInput('J_AddrDivision', 'divisionCode', '地区编码', address?.divisionCode)}
${addressInput('J_AddrPost', 'post', '邮政编码', address?.post)}
${addressInput('J_AddrDetail', 'addressDetail', '详细地址', address?.addressDetail)}
</fieldset>
${groups}
<p>实付款：¥<span id="J_TotalPrice">${view.totalPrice}</span></p>
<p><button type="submit" id="J_Submit" class="go-btn">提交订单</button></p>
</form>
${embedJson('J_OrderData', view)}`;
}

export interface ResultOrderView {
  bizOrderId: string;
  sellerId: string;
  shopName: string;
  totalFee: string;
  items: Array<{ itemId: string; skuId: string; quantity: number }>;
}

function createdOrder(order: ResultOrderView): string {
  const text = `订单号 ${order.bizOrderId} · ${escapeHtml(order.shopName)} · ¥${order.totalFee}`;

  return `<li class="J_CreatedOrder" data-biz-order-id="${order.bizOrderId}">${text}</li>`;
}

export function resultPageBody(orderToken: string, orders: ResultOrderView[]): string {
  const ids = orders.map((order) => order.bizOrderId).join(',');

  return `<h2 id="J_SubmitSuccess">订单提交成功</h2>
<p>共生成 ${orders.length} 笔订单，请尽快付款：</p>
<ul>${orders.map(createdOrder).join('')}</ul>
<p><a href="/trade/pay.htm?biz_order_id=${ids}" id="J_GoPay">去付款</a></p>
${embedJson('J_OrderResult', { orderToken, orders })}`;
}
