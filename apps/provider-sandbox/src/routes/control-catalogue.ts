import { Router, type Request } from 'express';

import { ProviderError } from '../state/errors';
import type { Item } from '../state/types';
import type { SandboxRuntime } from '../http/runtime';
import type { SandboxState } from '../state/store';
import { MAX_ADDED_COLOURS, addSeller, type SellerInput } from '../state/catalogue';
import { badRequest, parsePrice, parseStock } from '../state/control-input';
import { formatFen } from '../state/money';

export function itemTruth(state: SandboxState, item: Item) {
  const seller = state.catalogue.sellers.get(item.sellerId);

  return {
    ...item,
    shopName: seller?.shopName ?? '',
    isTmall: seller?.isTmall ?? false,
    skus: item.skus.map((sku) => ({ ...sku, price: formatFen(sku.priceFen) })),
  };
}

// Applies a control-API change to one item: price, stock, buyability, limit, SKUs.
export function patchItem(item: Item, body: Record<string, unknown>): void {
  const price = parsePrice(body['price'], 'price');
  const stock = parseStock(body['stock'], 'stock');
  const skuPatches = (body['skus'] ?? {}) as Record<string, Record<string, unknown>>;
  const removeSkuIds = (body['removeSkuIds'] ?? []) as unknown;
  if (typeof skuPatches !== 'object' || Array.isArray(skuPatches))
    throw badRequest('skus must be an object keyed by skuId');
  if (!Array.isArray(removeSkuIds) || removeSkuIds.some((id) => typeof id !== 'string')) {
    throw badRequest('removeSkuIds must be an array of skuId strings');
  }
  for (const skuId of [...Object.keys(skuPatches), ...(removeSkuIds as string[])]) {
    if (!item.skus.some((sku) => sku.skuId === skuId))
      throw badRequest(`unknown skuId ${skuId} for item ${item.itemId}`);
  }
  if (body['buyEnable'] !== undefined && typeof body['buyEnable'] !== 'boolean')
    throw badRequest('buyEnable must be a boolean');
  if (
    body['limit'] !== undefined &&
    body['limit'] !== null &&
    parseStock(body['limit'], 'limit') === 0
  ) {
    throw badRequest('limit must be null or an integer ≥ 1');
  }

  for (const sku of item.skus) {
    if (price !== undefined) sku.priceFen = price;
    if (stock !== undefined) sku.stock = stock;
    const patch = skuPatches[sku.skuId];
    if (patch) {
      sku.priceFen = parsePrice(patch['price'], `skus.${sku.skuId}.price`) ?? sku.priceFen;
      sku.stock = parseStock(patch['stock'], `skus.${sku.skuId}.stock`) ?? sku.stock;
    }
  }
  item.skus = item.skus.filter((sku) => !(removeSkuIds as string[]).includes(sku.skuId));
  if (typeof body['buyEnable'] === 'boolean') {
    item.buyEnable = body['buyEnable'];
    item.reason = item.buyEnable
      ? null
      : typeof body['reason'] === 'string'
        ? body['reason']
        : '此商品已下架';
  } else if (typeof body['reason'] === 'string' && !item.buyEnable) {
    item.reason = body['reason'];
  }
  if (body['limit'] !== undefined) item.limit = body['limit'] as number | null;
}

type Body = Record<string, unknown>;

const MAX_ADDED_ITEMS = 50;

// Checks the body of `POST /sellers`; every wrong field is refused with its name.
function parseSeller(body: Body): SellerInput {
  const shopName = body['shopName'];
  if (typeof shopName !== 'string' || shopName.trim() === '')
    throw badRequest('shopName must be a non-empty string');
  if (body['isTmall'] !== undefined && typeof body['isTmall'] !== 'boolean')
    throw badRequest('isTmall must be a boolean');
  const items = body['items'];
  if (!Array.isArray(items) || items.length < 1 || items.length > MAX_ADDED_ITEMS)
    throw badRequest(`items must be an array of 1 to ${MAX_ADDED_ITEMS} items`);

  return {
    shopName: shopName.trim(),
    isTmall: body['isTmall'] === true,
    items: items.map((raw: unknown, index) => {
      const item = (raw ?? {}) as Body;
      const title = item['title'];
      if (typeof title !== 'string' || title.trim() === '')
        throw badRequest(`items.${index}.title must be a non-empty string`);
      const priceFen = parsePrice(item['price'], `items.${index}.price`);
      if (priceFen === undefined) throw badRequest(`items.${index}.price is required`);
      const colours = item['colours'] ?? 1;
      if (
        typeof colours !== 'number' ||
        !Number.isInteger(colours) ||
        colours < 1 ||
        colours > MAX_ADDED_COLOURS
      )
        throw badRequest(
          `items.${index}.colours must be an integer from 1 to ${MAX_ADDED_COLOURS}`,
        );

      return {
        title: title.trim(),
        priceFen,
        stock: parseStock(item['stock'], `items.${index}.stock`) ?? 100,
        colours,
      };
    }),
  };
}

// Reading and changing the catalogue: prices, stock, buyability, limits, SKUs; adding shops.
export function controlCatalogueRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  router.get('/items', (_req, res) => {
    res.json({
      items: [...state.catalogue.items.values()].map((item) => itemTruth(state, item)),
      sellers: [...state.catalogue.sellers.values()],
    });
  });

  router.post('/sellers', (req, res) => {
    const { seller, items } = addSeller(state.catalogue, parseSeller((req.body ?? {}) as Body));
    res.status(201).json({ seller, items: items.map((item) => itemTruth(state, item)) });
  });

  const itemOr404 = (req: Request) => {
    const item = state.catalogue.items.get(String(req.params['itemId']));
    if (!item) throw new ProviderError('NOT_FOUND', 'no such item', null, 404);

    return item;
  };
  router.get('/items/:itemId', (req, res) => res.json(itemTruth(state, itemOr404(req))));
  router.patch('/items/:itemId', (req, res) => {
    const item = itemOr404(req);
    patchItem(item, (req.body ?? {}) as Body);
    res.json(itemTruth(state, item));
  });

  return router;
}
