import type { cartView } from '../state/cart';
import { embedJson, escapeHtml } from './html';

type CartData = ReturnType<typeof cartView>;

interface CartItemView {
  cartId: string;
  itemId: string;
  title: string;
  skuText: string;
  price: { priceText: string };
  quantity: number;
  buyEnable: boolean;
  reason: string | null;
}

// An unbuyable line cannot be ticked, as on the real cart.
function cartRow(item: CartItemView): string {
  const box = item.buyEnable ? 'checked' : 'disabled';
  const title = `<a href="/item.htm?id=${item.itemId}">${escapeHtml(item.title)}</a>`;
  const sku = `<small class="J_SkuText">${escapeHtml(item.skuText)}</small>`;
  const reason = item.buyEnable ? '' : `<span class="error-msg">${escapeHtml(item.reason)}</span>`;

  return `<tr class="J_ItemBody" data-cart-id="${item.cartId}">
<td><input type="checkbox" class="J_CheckBoxItem" value="${item.cartId}" ${box}></td>
<td>${title}<br>${sku}</td><td>¥${item.price.priceText}</td>
<td class="J_Quantity">${item.quantity}</td><td>${reason}</td></tr>`;
}

export function cartPageBody(data: CartData, csrfToken: string): string {
  const bundles = data.bundles
    .map((bundle) => {
      const rows = (bundle.items as CartItemView[]).map(cartRow).join('');

      return `<div class="J_Order" data-seller-id="${bundle.sellerId}">
<h3 class="J_ShopName">${escapeHtml(bundle.shopName)}</h3><table>${rows}</table></div>`;
    })
    .join('');

  return `<h2>购物车</h2>
<form id="J_CartForm" method="post" action="/auction/order/confirm_order.htm">
<input type="hidden" name="_tb_token_" value="${escapeHtml(csrfToken)}">
<input type="hidden" id="J_CartIds" name="cartIds" value="">
${bundles || '<p id="J_CartEmpty">购物车空空如也</p>'}
<p><button type="submit" id="J_Go">结算</button></p>
</form>
${embedJson('J_CartData', data)}`;
}
