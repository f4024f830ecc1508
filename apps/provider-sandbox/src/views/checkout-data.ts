import { skuText } from '../state/catalogue';
import type { ResolvedLine } from '../state/checkout-rules';
import { formatFen } from '../state/money';
import { orderTotalFen } from '../state/orders';
import type { SandboxState } from '../state/store';
import type { Account, Order } from '../state/types';
import type { ConfirmView, ResultOrderView } from './checkout-pages';

// The confirm page's data: the lines grouped by seller, with totals, and the default address.
export function confirmView(
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
