import { formatFen } from '../state/money';
import type { Item, Seller } from '../state/types';
import { itemPath } from '../http/origin';

const price = (fen: number) => ({ priceMoney: fen, priceText: formatFen(fen) });

// The item data in the provider's shape: skuBase (props, skus with propPath) and skuCore
// (price and stock per SKU, "0" for the item as a whole), plus trade.buyEnable.
export function itemData(origin: string, item: Item, seller: Seller) {
  const sku2info: Record<string, { price: ReturnType<typeof price>; quantity: number }> = {};
  const lowest = Math.min(...item.skus.map((sku) => sku.priceFen));
  sku2info['0'] = {
    price: price(Number.isFinite(lowest) ? lowest : 0),
    quantity: item.skus.reduce((sum, sku) => sum + sku.stock, 0),
  };
  for (const sku of item.skus) {
    sku2info[sku.skuId] = { price: price(sku.priceFen), quantity: sku.stock };
  }

  return {
    item: {
      itemId: item.itemId,
      title: item.title,
      images: [`${origin}/img/item/${item.itemId}.svg`],
      url: `${origin}${itemPath(item.itemId, seller.isTmall)}`,
    },
    seller: {
      sellerId: seller.sellerId,
      shopName: seller.shopName,
      sellerType: seller.isTmall ? 'B' : 'C',
    },
    skuBase: {
      props: item.props.map((prop) => ({
        pid: prop.pid,
        name: prop.name,
        values: prop.values.map((v) => ({ ...v })),
      })),
      skus: item.skus.map((sku) => ({ skuId: sku.skuId, propPath: sku.propPath })),
    },
    skuCore: { sku2info },
    trade: {
      buyEnable: item.buyEnable,
      cartEnable: item.buyEnable,
      reason: item.buyEnable ? null : item.reason,
      limit: item.limit,
    },
  };
}
