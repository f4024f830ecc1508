import {
  checkLineAgainstOffer,
  groupLines,
  lineKey,
  type LineGroup,
} from '../adapter/reserve-validation';
import type { ReserveRequest, ReserveResult } from '../adapter/types';
import {
  NotBuyableError,
  ProviderBusyError,
  ProviderChangedError,
} from '../errors/provider-errors';
import { taobaoError } from './taobao-errors';
import {
  type CartLine,
  type CreatedOrder,
  confirmInBoughtList,
  reconcile,
} from './taobao-order-check';
import type { TaobaoSite } from './taobao-site';

export interface TaobaoReserveOptions {
  /** How many cart additions run at once; default 6. */
  cartConcurrency: number;
}

/**
 * Cart → one checkout → one order per seller. Every line is checked on the confirm page before
 * the submit; after it, only orders found in the bought list are reported.
 */
export async function reserveOnTaobao(
  site: TaobaoSite,
  request: ReserveRequest,
  options: TaobaoReserveOptions,
): Promise<ReserveResult> {
  const { reader } = site;
  const groups = groupLines(request.lines);

  await site.ensureOrigin('cart.page', reader.url('cart.page'));
  const cartLines = await addToCart(site, groups, options.cartConcurrency);
  const page = await site.open(
    'checkout.confirm_page',
    reader.url('checkout.confirm', { cartIds: cartLines.map((line) => line.cartId).join(',') }),
  );
  checkConfirmPage(site, await reader.embeddedJson(page, 'checkout.orderData'), cartLines, request);
  await fillAddress(site, request);
  await request.beforeSubmit?.();

  let created: CreatedOrder[];
  try {
    created = await submit(site);
  } catch (error) {
    // The answer was lost or refused; the orders may exist all the same (a failure after
    // creation), so the bought list decides.
    created = await reconcile(site, cartLines, error);
  }

  return confirmInBoughtList(site, created, groups);
}

async function addToCart(
  site: TaobaoSite,
  groups: LineGroup[],
  concurrency: number,
): Promise<CartLine[]> {
  const { reader, profile } = site;
  const fields = profile.fields;
  const results: CartLine[] = new Array(groups.length);
  const errors: unknown[] = [];
  let next = 0;

  const worker = async () => {
    while (next < groups.length && errors.length === 0) {
      const index = next++;
      const group = groups[index]!;
      try {
        const answer = await site.postForm(
          'cart.add',
          reader.url('cart.add'),
          {
            [fields.itemId]: group.itemId,
            [fields.skuId]: group.skuId ?? '',
            [fields.quantity]: String(group.quantity),
          },
          group.itemId,
          // Sent twice, the line holds twice the quantity, which the update below sets back.
          { retryTransient: true },
        );
        const cartId = reader.string(answer, 'cartAdd.cartId');
        // The cart adds to a line already holding this SKU; set it back to what we order.
        if (reader.number(answer, 'cartAdd.quantity') !== group.quantity) {
          await site.postForm(
            'cart.update',
            reader.url('cart.update'),
            { [fields.cartId]: cartId, [fields.quantity]: String(group.quantity) },
            group.itemId,
            { retryTransient: true },
          );
        }
        results[index] = { group, cartId };
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, worker));

  if (errors.length > 0) {
    throw errors[0];
  }

  return results;
}

function checkConfirmPage(
  site: TaobaoSite,
  data: unknown,
  cartLines: CartLine[],
  request: ReserveRequest,
): void {
  const { reader, profile } = site;
  const byCartId = new Map(cartLines.map((line) => [line.cartId, line]));
  const confirmed = new Set<string>();

  for (const group of reader.array(data, 'confirm.groups')) {
    const isTmall = reader.string(group, 'group.sellerType') === profile.sellerTypeTmall;
    for (const item of reader.array(group, 'group.items')) {
      const cartLine = byCartId.get(reader.string(item, 'confirmItem.cartId'));
      if (!cartLine) {
        continue;
      }
      confirmed.add(cartLine.cartId);
      if (isTmall) {
        throw new NotBuyableError(
          cartLine.group.itemId,
          'tmall',
          `${reader.string(group, 'group.shopName')} is a Tmall shop`,
        );
      }
      for (const line of cartLine.group.lines) {
        checkLineAgainstOffer(
          line,
          {
            price: reader.string(item, 'confirmItem.price'),
            configuration: reader.optionalString(item, 'confirmItem.skuText'),
          },
          request.priceTolerancePercent ?? 0,
        );
      }
    }
  }

  const missing = cartLines.filter((line) => !confirmed.has(line.cartId));
  if (missing.length > 0) {
    throw new ProviderChangedError(
      'paths.confirmItem.cartId',
      `the confirm page does not list cart lines ${missing.map((line) => line.cartId).join(', ')}`,
    );
  }
}

async function fillAddress(site: TaobaoSite, request: ReserveRequest): Promise<void> {
  const { reader } = site;
  const address = request.address;
  const values = [
    ['checkout.address.name', address.recipientName],
    ['checkout.address.mobile', address.mobilePhone],
    ['checkout.address.division', address.regionCode],
    ['checkout.address.post', address.zipCode],
    ['checkout.address.detail', address.address],
  ] as const;

  await site.context.step('checkout.address', async (page) => {
    const missing = await page.evaluate(
      (fields: (readonly [string, string, string])[]) => {
        for (const [entry, selector, value] of fields) {
          const input = document.querySelector<HTMLInputElement>(selector);
          if (!input) {
            return entry;
          }
          input.value = value;
        }

        return null;
      },
      values.map(([entry, value]) => [entry, reader.selector(entry), value] as const),
    );
    if (missing !== null) {
      throw new ProviderChangedError(`selectors.${missing}`, `no address input on ${page.url()}`);
    }
  });
}

async function submit(site: TaobaoSite): Promise<CreatedOrder[]> {
  const { reader } = site;

  return site.context.step('checkout.submit', async (page) => {
    const button = await reader.element(page, 'checkout.submit');
    const [response] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'domcontentloaded' }),
      button.click(),
    ]);
    const failure = await site.pageFailure(page);
    if (failure) {
      throw taobaoError(failure, site.profile);
    }
    if (response && response.status() >= 500) {
      throw new ProviderBusyError(`HTTP ${response.status()} at ${page.url()}`);
    }
    const result = await reader.embeddedJson(page, 'checkout.result');

    return reader.array(result, 'created.orders').map((order) => ({
      orderNumber: reader.string(order, 'createdOrder.id'),
      sellerId: reader.string(order, 'createdOrder.sellerId'),
      sellerName: reader.string(order, 'createdOrder.shopName'),
      totalFee: reader.string(order, 'createdOrder.totalFee'),
      keys: reader
        .array(order, 'createdOrder.items')
        .map((item) =>
          lineKey(
            reader.string(item, 'createdItem.itemId'),
            reader.optionalString(item, 'createdItem.skuId'),
          ),
        ),
    }));
  });
}
