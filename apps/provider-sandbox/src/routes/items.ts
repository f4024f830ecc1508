import { Router, type Request, type Response } from 'express';

import { ProviderError, TEXTS } from '../state/errors';
import { nickOf, param, sendProviderError, wantsJson } from '../http/context';
import { applyFault } from '../http/faults';
import { itemPath, originOf } from '../http/origin';
import type { SandboxRuntime } from '../http/runtime';
import { layout } from '../views/html';
import { itemData } from '../views/item-data';
import { itemPageBody, itemSvg } from '../views/item-page';
import { itemScript } from '../views/scripts';

// Item pages (Taobao and Tmall paths), their JSON, and the item pictures. No login needed.
export function itemRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  const serveItem = (tmallPath: boolean) => (req: Request, res: Response) => {
    const asJson = wantsJson(req);
    if (applyFault(runtime, req, res, 'item.page', nickOf(res), asJson)) return;

    const item = state.catalogue.items.get(param(req, 'id') ?? '');
    const seller = item ? state.catalogue.sellers.get(item.sellerId) : undefined;
    if (!item || !seller) {
      sendProviderError(
        req,
        res,
        new ProviderError('ITEM_NOT_FOUND', TEXTS.itemNotFound, null, 404),
        asJson,
      );

      return;
    }

    const data = itemData(originOf(req), item, seller);
    if (asJson) {
      res.json({ success: true, ...data });

      return;
    }
    if (seller.isTmall !== tmallPath) {
      res.redirect(302, itemPath(item.itemId, seller.isTmall));

      return;
    }
    res.type('html').send(
      layout({
        title: `${item.title}-淘宝网`,
        nick: nickOf(res),
        body: itemPageBody(data, item, seller),
        script: itemScript(),
      }),
    );
  };

  router.get('/item.htm', serveItem(false));
  router.get('/detail.tmall/item.htm', serveItem(true));

  router.get('/img/item/:file', (req, res) => {
    const itemId = req.params.file.replace(/\.svg$/, '');
    const item = state.catalogue.items.get(itemId);
    if (!item) {
      res.status(404).type('text').send('not found');

      return;
    }
    res.type('image/svg+xml').send(itemSvg(item.itemId, item.title));
  });

  return router;
}
