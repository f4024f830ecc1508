import { skuText } from '../state/catalogue';
import { formatFen } from '../state/money';
import { orderTotalFen, STATUS_TEXT } from '../state/orders';
import type { SandboxState } from '../state/store';
import type { Item, Order, Seller } from '../state/types';

export function kitmallOrderView(state: SandboxState, order: Order) {
  return {
    orderId: order.bizOrderId,
    outerId: order.outerId,
    status: order.status,
    statusText: STATUS_TEXT[order.status],
    sellerId: order.sellerId,
    shopName: state.catalogue.sellers.get(order.sellerId)?.shopName ?? '',
    createdAtMs: order.createdAtMs,
    updatedAtMs: order.modifiedAtMs,
    totalFee: formatFen(orderTotalFen(order)),
    items: order.subOrders.map((sub) => ({
      itemId: sub.itemId,
      skuId: sub.skuId,
      title: sub.title,
      propsText: sub.skuText,
      quantity: sub.quantity,
      price: formatFen(sub.priceFen),
    })),
    expressId: order.expressId,
    expressName: order.companyName,
  };
}

export function kitmallItemView(origin: string, item: Item, seller: Seller) {
  return {
    itemId: item.itemId,
    title: item.title,
    sellerId: seller.sellerId,
    shopName: seller.shopName,
    isTmall: seller.isTmall,
    buyable: item.buyEnable,
    reason: item.buyEnable ? null : item.reason,
    limit: item.limit,
    picUrl: `${origin}/img/item/${item.itemId}.svg`,
    skus: item.skus.map((sku) => {
      const propsText = skuText(item, sku);
      const props = propsText.split('; ').map((pair) => {
        const [name, value] = pair.split(':');

        return { name, value };
      });

      return {
        skuId: sku.skuId,
        propsText,
        props,
        price: formatFen(sku.priceFen),
        stock: sku.stock,
      };
    }),
  };
}
