import { formatFen } from '../state/money';
import type { Item, Seller, SkuProp } from '../state/types';
import { embedJson, escapeHtml } from './html';

function propList(prop: SkuProp): string {
  const values = prop.values
    .map((value) => {
      const link = `<a href="javascript:;">${escapeHtml(value.name)}</a>`;

      return `<li data-value="${prop.pid}:${value.vid}">${link}</li>`;
    })
    .join('');
  const name = escapeHtml(prop.name);

  return `<dl><dt>${name}</dt><dd>
<ul class="J_TSaleProp" data-pid="${prop.pid}" data-property="${name}">${values}</ul></dd></dl>`;
}

export function itemPageBody(data: unknown, item: Item, seller: Seller): string {
  const lowest = Math.min(...item.skus.map((sku) => sku.priceFen));
  const price = formatFen(Number.isFinite(lowest) ? lowest : 0);
  const title = escapeHtml(item.title);
  const tmallTag = seller.isTmall ? ' <span class="J_TmallTag">天猫</span>' : '';
  const notice = item.buyEnable
    ? ''
    : `<p class="J_BuyDisabled error-msg">${escapeHtml(item.reason ?? '此商品暂不能购买')}</p>`;

  return `<div id="J_DetailMeta">
<img src="/img/item/${item.itemId}.svg" width="200" height="200" alt="">
<h1 class="tb-main-title" data-title="${title}">${title}</h1>
<p>店铺：<span class="J_ShopName">${escapeHtml(seller.shopName)}</span>${tmallTag}</p>
<p>价格：<em id="J_StrPrice">¥${price}</em></p>
${item.props.map(propList).join('')}
<p>数量：<input id="J_IptAmount" value="1" size="3"></p>
${notice}
<p><button type="button" id="J_LinkBuy">立即购买</button>
<button type="button" id="J_LinkBasket">加入购物车</button>
<span id="J_AddCartResult"></span></p>
<form id="J_BuyNowForm" method="post" action="/auction/order/confirm_order.htm">
<input type="hidden" name="buyNow" value="1">
<input type="hidden" name="itemId" value="${item.itemId}">
<input type="hidden" name="skuId" value=""><input type="hidden" name="quantity" value="1">
<input type="hidden" name="_tb_token_" value="">
</form>
</div>
${embedJson('J_ItemData', data)}`;
}

const PALETTE = ['#ff5000', '#2d8cf0', '#19be6b', '#ff9900', '#9a66e4', '#ed4014', '#2db7f5'];

export function itemSvg(itemId: string, title: string): string {
  const colour = PALETTE[Number(itemId.slice(-3)) % PALETTE.length];

  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">
<rect width="400" height="400" fill="${colour}"/>
<text x="200" y="190" font-size="28" text-anchor="middle" fill="#fff">
${escapeHtml(title.slice(0, 12))}</text>
<text x="200" y="240" font-size="20" text-anchor="middle" fill="#fff">${itemId}</text>
</svg>`;
}
