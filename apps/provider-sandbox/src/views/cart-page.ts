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

export function cartPageBody(data: CartData, csrfToken: string): string {
  const bundles = data.bundles
    .map((bundle) => {
      const rows = (bundle.items as CartItemView[])
        .map(
          (item) => `<tr class="J_ItemBody" data-cart-id="${item.cartId}">
<td><input type="checkbox" class="J_CheckBoxItem" value="${item.cartId}" checked${item.buyEnable ? '' : ' disabled'}></td>
<td><a href="/item.htm?id=${item.itemId}">${escapeHtml(item.title)}</a><br><small class="J_SkuText">${escapeHtml(item.skuText)}</small></td>
<td>¥${item.price.priceText}</td><td class="J_Quantity">${item.quantity}</td>
<td>${item.buyEnable ? '' : `<span class="error-msg">${escapeHtml(item.reason)}</span>`}</td></tr>`,
        )
        .join('');

      return `<div class="J_Order" data-seller-id="${bundle.sellerId}"><h3 class="J_ShopName">${escapeHtml(bundle.shopName)}</h3><table>${rows}</table></div>`;
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
