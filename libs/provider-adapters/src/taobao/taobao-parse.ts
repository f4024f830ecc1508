import { mapTaobaoStatus } from '../adapter/order-status';
import type { ItemOffer, OrderLine, ProviderOrder, SkuOffer } from '../adapter/types';
import type { TaobaoReader } from './taobao-site';
import type { TaobaoProfile } from './taobao.profile';

/** Reads an item page's embedded data into an offer. */
export function parseItemOffer(
  reader: TaobaoReader,
  profile: TaobaoProfile,
  data: unknown,
  pageUrl: string,
): ItemOffer {
  const propNames = new Map<string, string>();
  for (const prop of reader.array(data, 'item.props')) {
    const pid = reader.string(prop, 'prop.pid');
    const name = reader.string(prop, 'prop.name');
    for (const value of reader.array(prop, 'prop.values')) {
      const vid = reader.string(value, 'propValue.vid');
      propNames.set(`${pid}:${vid}`, `${name}:${reader.string(value, 'propValue.name')}`);
    }
  }

  const sku2info = reader.record(data, 'item.sku2info');
  const skus = reader.array(data, 'item.skus').map((sku): SkuOffer => {
    const skuId = reader.string(sku, 'sku.id');
    const propPath = reader.string(sku, 'sku.propPath');
    const info = sku2info[skuId];

    return {
      skuId,
      configuration: propPath
        .split(';')
        .map((pair) => propNames.get(pair) ?? pair)
        .join('; '),
      price: info === undefined ? '0.00' : reader.string(info, 'skuInfo.price'),
      stock: info === undefined ? 0 : reader.number(info, 'skuInfo.stock'),
    };
  });
  const images = reader.array(data, 'item.images');

  return {
    itemId: reader.string(data, 'item.id'),
    title: reader.string(data, 'item.title'),
    sellerId: reader.string(data, 'item.sellerId'),
    sellerName: reader.string(data, 'item.shopName'),
    isTmall: reader.string(data, 'item.sellerType') === profile.sellerTypeTmall,
    buyable: reader.value(data, 'item.buyEnable') === true,
    notBuyableText: reader.optionalString(data, 'item.notBuyableReason'),
    pictureUrl: typeof images[0] === 'string' ? images[0] : null,
    itemUrl: pageUrl,
    skus,
  };
}

/** Reads one main order of the bought list (or of the order detail). */
export function parseMainOrder(reader: TaobaoReader, data: unknown): ProviderOrder {
  const lines = reader.array(data, 'mainOrder.subOrders').map((sub): OrderLine => ({
    itemId: reader.string(sub, 'subOrder.itemId'),
    skuId: reader.optionalString(sub, 'subOrder.skuId'),
    title: reader.string(sub, 'subOrder.title'),
    configuration: reader.optionalString(sub, 'subOrder.skuText'),
    quantity: reader.number(sub, 'subOrder.quantity'),
    total: reader.string(sub, 'subOrder.total'),
    pictureUrl: reader.optionalString(sub, 'subOrder.pic'),
  }));
  const providerStatus = reader.string(data, 'mainOrder.status');

  return {
    orderNumber: reader.string(data, 'mainOrder.id'),
    createdAt: new Date(reader.number(data, 'mainOrder.createTimeMs')).toISOString(),
    sellerName: reader.string(data, 'mainOrder.shopName'),
    sellerId: reader.optionalString(data, 'mainOrder.sellerId'),
    status: mapTaobaoStatus(providerStatus, 'paths.mainOrder.status'),
    providerStatus,
    totalFee: reader.string(data, 'mainOrder.actualFee'),
    postFee: reader.string(data, 'mainOrder.postFee'),
    lines,
  };
}

/** Modification time of a main order in epoch ms, for "changed since" filters. */
export function modifiedAtMs(reader: TaobaoReader, data: unknown): number {
  return reader.number(data, 'mainOrder.modifyTimeMs');
}
