// What the bought list says about a checkout: which orders really exist after a submit.

import { lineKey, type LineGroup } from '../adapter/reserve-validation';
import type { ProviderOrder, ReserveResult, ReservedOrder } from '../adapter/types';
import { isProviderError } from '../errors/provider-errors';
import { readBoughtPage, searchBought } from './taobao-bought-list';
import { parseMainOrder } from './taobao-parse';
import type { TaobaoSite } from './taobao-site';

export interface CartLine {
  group: LineGroup;
  cartId: string;
}

export interface CreatedOrder {
  orderNumber: string;
  sellerId: string;
  sellerName: string;
  totalFee: string;
  keys: string[];
}

/**
 * After a failed submit: the ordered cart lines leave the cart only when orders were created.
 * Still in the cart → nothing was created and the original error stands. Gone → the orders
 * are the newest unpaid ones holding exactly those lines.
 */
export async function reconcile(
  site: TaobaoSite,
  cartLines: CartLine[],
  submitError: unknown,
): Promise<CreatedOrder[]> {
  const stillInCart = await cartIdsInCart(site).catch(() => null);
  if (stillInCart === null || cartLines.some((line) => stillInCart.has(line.cartId))) {
    throw submitError;
  }

  const wanted = new Map(cartLines.map((line) => [line.group.key, line.group.quantity]));
  const recent = await boughtOrders(site, 1);
  const matches = recent.filter(
    (order) =>
      order.status === 'unpaid' &&
      order.lines.every((line) => wanted.get(lineKey(line.itemId, line.skuId)) === line.quantity),
  );
  const created: CreatedOrder[] = [];
  const covered = new Set<string>();
  for (const order of matches) {
    const keys = order.lines.map((line) => lineKey(line.itemId, line.skuId));
    if (keys.some((key) => covered.has(key))) {
      continue;
    }
    keys.forEach((key) => covered.add(key));
    created.push({
      orderNumber: order.orderNumber,
      sellerId: order.sellerId ?? '',
      sellerName: order.sellerName,
      totalFee: order.totalFee,
      keys,
    });
  }
  if (covered.size !== wanted.size) {
    throw submitError;
  }

  return created;
}

async function cartIdsInCart(site: TaobaoSite): Promise<Set<string>> {
  const { reader } = site;
  const page = await site.open('cart.page', reader.url('cart.page'));
  const data = await reader.embeddedJson(page, 'cart.data');
  const ids = reader
    .array(data, 'cart.bundles')
    .flatMap((bundle) => reader.array(bundle, 'bundle.items'))
    .map((item) => reader.string(item, 'cartItem.cartId'));

  return new Set(ids);
}

async function boughtOrders(site: TaobaoSite, pageNum: number): Promise<ProviderOrder[]> {
  const { reader, profile } = site;
  const data = await readBoughtPage(site, { pageNum, pageSize: profile.maxPageSize });

  return reader.array(data, 'bought.orders').map((order) => parseMainOrder(reader, order));
}

export async function confirmInBoughtList(
  site: TaobaoSite,
  created: CreatedOrder[],
  groups: LineGroup[],
): Promise<ReserveResult> {
  const listed = new Map((await boughtOrders(site, 1)).map((order) => [order.orderNumber, order]));
  const linesByKey = new Map(groups.map((group) => [group.key, group.lines]));
  const orders: ReservedOrder[] = [];
  const unconfirmedOrderNumbers: string[] = [];

  for (const order of created) {
    const seen = listed.get(order.orderNumber) ?? (await findByNumber(site, order.orderNumber));
    if (!seen) {
      unconfirmedOrderNumbers.push(order.orderNumber);
      continue;
    }
    orders.push({
      orderNumber: order.orderNumber,
      sellerId: order.sellerId,
      sellerName: order.sellerName,
      status: seen.status,
      totalFee: seen.totalFee,
      lineIds: order.keys.flatMap((key) => (linesByKey.get(key) ?? []).map((line) => line.lineId)),
    });
  }

  return { orders, unconfirmedOrderNumbers };
}

async function findByNumber(site: TaobaoSite, orderNumber: string): Promise<ProviderOrder | null> {
  const { reader, profile } = site;
  const query = new URLSearchParams({ [profile.fields.search]: orderNumber });
  try {
    const data = await searchBought(site, query);
    const orders = reader
      .array(data, 'bought.orders')
      .map((order) => parseMainOrder(reader, order));

    return orders.find((order) => order.orderNumber === orderNumber) ?? null;
  } catch (error) {
    if (isProviderError(error) && error.code === 'provider_busy') {
      return null;
    }

    throw error;
  }
}
