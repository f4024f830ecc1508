import { skuText } from './catalogue';
import { ProviderError, TEXTS } from './errors';
import { formatFen } from './money';
import type { SandboxState } from './store';
import type { CartLine } from './types';

export function addToCart(
  state: SandboxState,
  login: string,
  input: { itemId: string; skuId: string; quantity: number },
): CartLine {
  const item = state.catalogue.items.get(input.itemId);
  if (!item) throw new ProviderError('ITEM_NOT_FOUND', TEXTS.itemNotFound);
  if (!item.buyEnable) {
    throw new ProviderError('ITEM_NOT_BUYABLE', item.reason ?? '此商品暂不能购买');
  }
  const sku = item.skus.find((candidate) => candidate.skuId === input.skuId);
  if (!sku) throw new ProviderError('SKU_NOT_FOUND', TEXTS.skuNotFound);
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > 9999) {
    throw new ProviderError('QUANTITY_INVALID', TEXTS.quantityInvalid);
  }

  const existing = state.cart.find(
    (line) => line.login === login && line.itemId === input.itemId && line.skuId === input.skuId,
  );
  const quantity = (existing?.quantity ?? 0) + input.quantity;
  if (sku.stock < quantity) throw new ProviderError('STOCK_NOT_ENOUGH', TEXTS.stockNotEnough);
  if (item.limit !== null && quantity > item.limit) {
    throw new ProviderError('F-10003', TEXTS.overLimit, { limit: item.limit });
  }

  if (existing) {
    existing.quantity = quantity;

    return existing;
  }
  const line: CartLine = { cartId: state.nextCartId(), login, ...input };
  state.cart.push(line);

  return line;
}

// The cart as the provider shows it: one bundle per seller, in the order they were added.
export function cartView(state: SandboxState, login: string, origin: string) {
  const bundles = new Map<
    string,
    { bundleId: string; sellerId: string; shopName: string; sellerType: string; items: unknown[] }
  >();
  for (const line of state.cart.filter((candidate) => candidate.login === login)) {
    const item = state.catalogue.items.get(line.itemId);
    const seller = item ? state.catalogue.sellers.get(item.sellerId) : undefined;
    if (!item || !seller) continue;
    const sku = item.skus.find((candidate) => candidate.skuId === line.skuId);
    const bundle = bundles.get(seller.sellerId) ?? {
      bundleId: `s_${seller.sellerId}`,
      sellerId: seller.sellerId,
      shopName: seller.shopName,
      sellerType: seller.isTmall ? 'B' : 'C',
      items: [],
    };
    bundles.set(seller.sellerId, bundle);
    const buyEnable = item.buyEnable && sku !== undefined && sku.stock >= line.quantity;
    bundle.items.push({
      cartId: line.cartId,
      itemId: line.itemId,
      skuId: line.skuId,
      title: item.title,
      pic: `${origin}/img/item/${item.itemId}.svg`,
      skuText: sku ? skuText(item, sku) : '',
      price: { priceText: formatFen(sku?.priceFen ?? 0), priceMoney: sku?.priceFen ?? 0 },
      quantity: line.quantity,
      settlement: `${line.cartId}_${line.itemId}_${line.skuId}_${line.quantity}`,
      buyEnable,
      reason: buyEnable ? null : (item.reason ?? (sku ? TEXTS.stockNotEnough : TEXTS.skuNotFound)),
    });
  }

  return { bundles: [...bundles.values()] };
}
