import { expect, request, type APIRequestContext } from '@playwright/test';

import { sandboxUrl } from './sandbox-popup';

/** What a shop order line needs to name one Sandbox SKU as the shop would send it. */
export interface SandboxSku {
  itemId: string;
  skuId: string;
  configuration: string;
  price: string;
  title: string;
  sellerId: string;
  sellerName: string;
}

interface ItemJson {
  item: { itemId: string; title: string };
  seller: { sellerId: string; shopName: string };
  skuBase: {
    props: { pid: string; name: string; values: { vid: string; name: string }[] }[];
    skus: { skuId: string; propPath: string }[];
  };
  skuCore: { sku2info: Record<string, { price: { priceText: string } }> };
}

/** The item's SKUs as the Sandbox shows them now, with their configuration text. */
export async function sandboxSkus(api: APIRequestContext, itemId: string): Promise<SandboxSku[]> {
  const answer = await api.get(`${sandboxUrl}/item.htm`, {
    params: { id: itemId, format: 'json' },
  });
  expect(answer.ok()).toBe(true);
  const data = (await answer.json()) as ItemJson;
  const nameOf = (pair: string) => {
    const [pid, vid] = pair.split(':');
    const prop = data.skuBase.props.find((one) => one.pid === pid);

    return `${prop?.name}:${prop?.values.find((value) => value.vid === vid)?.name}`;
  };

  return data.skuBase.skus.map((sku) => ({
    itemId,
    skuId: sku.skuId,
    configuration: sku.propPath.split(';').map(nameOf).join('; '),
    price: data.skuCore.sku2info[sku.skuId]?.price.priceText ?? '0.00',
    title: data.item.title,
    sellerId: data.seller.sellerId,
    sellerName: data.seller.shopName,
  }));
}

/** A shop order line for one SKU, as the shop pushes it to `POST /api/v1/orders`. */
export function shopLine(line: string, sku: SandboxSku, quantity = 1) {
  return {
    externalId: line,
    provider: 'sandbox',
    providerItemId: sku.itemId,
    skuId: sku.skuId,
    configuration: sku.configuration,
    title: sku.title,
    quantity,
    unitPrice: sku.price,
    currency: 'CNY',
    sellerId: sku.sellerId,
    sellerName: sku.sellerName,
    isTmall: false,
    pictureUrl: `${sandboxUrl}/img/item/${sku.itemId}.svg`,
    itemUrl: `${sandboxUrl}/item.htm?id=${sku.itemId}`,
  };
}

const ADDRESS = {
  fullName: '王鑫磊奇跡',
  mobile: '11147043234',
  divisionCode: '150784',
  post: '021400',
  addressDetail: '尚都国际小区东区9号楼23号车库',
};

/**
 * Buys one SKU on the Sandbox as the buyer would on the site (its own login, "buy now", submit),
 * outside Autobuy; returns the provider order number.
 */
export async function placeSandboxOrder(
  login: string,
  sku: SandboxSku,
  quantity = 1,
): Promise<string> {
  const buyer = await request.newContext({ baseURL: sandboxUrl });
  try {
    const loggedIn = await buyer.post('/newlogin/login.do', {
      form: { loginId: login, password: 'sandbox123' },
      maxRedirects: 0,
    });
    expect(loggedIn.status()).toBe(302);
    const cookies = (await buyer.storageState()).cookies;
    const token = cookies.find((cookie) => cookie.name === '_tb_token_')?.value ?? '';

    const confirm = await buyer.get('/auction/order/confirm_order.htm', {
      params: { buyNow: '1', itemId: sku.itemId, skuId: sku.skuId, quantity, format: 'json' },
    });
    const confirmed = (await confirm.json()) as { success: boolean; orderToken: string };
    expect(confirmed.success).toBe(true);

    const submit = await buyer.post('/auction/order/submit_order.htm', {
      data: { orderToken: confirmed.orderToken, _tb_token_: token, ...ADDRESS },
      headers: { Accept: 'application/json' },
      maxRedirects: 0,
    });
    const submitted = (await submit.json()) as {
      success: boolean;
      orders: { bizOrderId: string }[];
    };
    expect(submitted.success).toBe(true);

    return submitted.orders[0]!.bizOrderId;
  } finally {
    await buyer.dispose();
  }
}
