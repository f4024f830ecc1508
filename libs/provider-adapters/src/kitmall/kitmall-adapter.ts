import { randomUUID } from 'node:crypto';

import { mapTaobaoStatus } from '../adapter/order-status';
import type { ProviderAdapter, ProviderJob } from '../adapter/provider-adapter';
import {
  checkLineAgainstOffer,
  groupLines,
  lineKey,
  validateReserveRequest,
} from '../adapter/reserve-validation';
import type {
  AccountAccess,
  CancelReason,
  ItemOffer,
  ListOrdersQuery,
  OrderPage,
  ProviderOrder,
  ReserveRequest,
  ReserveResult,
  SessionCheck,
  SessionSnapshot,
  TrackingInfo,
} from '../adapter/types';
import {
  InvalidRequestError,
  ItemOutdatedError,
  NotBuyableError,
  ProviderRejectedError,
  isProviderError,
} from '../errors/provider-errors';
import type { LoginStream } from '../login/login-stream.types';
import { ProfileReader } from '../profile/profile-reader';
import { KitmallClient, type KitmallReader } from './kitmall-client';
import { KITMALL_PROFILE, type KitmallProfile } from './kitmall.profile';

export interface KitmallAdapterOptions {
  /** Base URL of the API, e.g. `<sandbox>/kitmall/api/v1`. */
  apiUrl: string;
  /** Hard limit of each API call; default 30 s. */
  stepTimeoutMs?: number;
  profile?: KitmallProfile;
}

/** Kitmall's JSON API with the account's API key; no browser involved. */
export class KitmallAdapter implements ProviderAdapter {
  readonly code = 'kitmall' as const;
  readonly loginKind = 'api-key' as const;
  private readonly profile: KitmallProfile;
  private readonly reader: KitmallReader;

  constructor(private readonly options: KitmallAdapterOptions) {
    this.profile = options.profile ?? KITMALL_PROFILE;
    this.reader = new ProfileReader(this.profile, { api: options.apiUrl });
  }

  async startLogin(): Promise<LoginStream> {
    throw new InvalidRequestError('Kitmall accounts log in with an API key, not in a browser');
  }

  async openJob(account: AccountAccess): Promise<ProviderJob> {
    if (!account.apiKey) {
      throw new InvalidRequestError(`Kitmall account ${account.login} has no API key`);
    }

    return new KitmallJob(
      new KitmallClient(
        this.reader,
        this.profile,
        account.apiKey,
        this.options.stepTimeoutMs ?? 30_000,
      ),
    );
  }
}

class KitmallJob implements ProviderJob {
  constructor(private readonly client: KitmallClient) {}

  async checkSession(): Promise<SessionCheck> {
    try {
      await this.client.call('orders', `${this.client.reader.url('orders')}?pageSize=1`);
    } catch (error) {
      if (isProviderError(error) && error.code === 'session_expired') {
        return { loggedIn: false, nickname: null };
      }

      throw error;
    }

    // The API names no account, so the nickname is unknown; the key itself is valid.
    return { loggedIn: true, nickname: null };
  }

  async getItemOffer(itemId: string): Promise<ItemOffer> {
    if (!/^\d+$/.test(itemId)) {
      throw new InvalidRequestError(`"${itemId}" is not an item id`);
    }

    const { reader } = this.client;
    const data = await this.client.call('item', reader.url('item', { itemId }), { itemId });

    return {
      itemId: reader.string(data, 'item.id'),
      title: reader.string(data, 'item.title'),
      sellerId: reader.string(data, 'item.sellerId'),
      sellerName: reader.string(data, 'item.shopName'),
      isTmall: reader.value(data, 'item.isTmall') === true,
      buyable: reader.value(data, 'item.buyable') === true,
      notBuyableText: reader.optionalString(data, 'item.reason'),
      pictureUrl: reader.optionalString(data, 'item.picture'),
      itemUrl: reader.url('item', { itemId }),
      skus: reader.array(data, 'item.skus').map((sku) => ({
        skuId: reader.string(sku, 'sku.id'),
        configuration: reader.string(sku, 'sku.configuration'),
        price: reader.string(sku, 'sku.price'),
        stock: reader.number(sku, 'sku.stock'),
      })),
    };
  }

  async reserve(request: ReserveRequest): Promise<ReserveResult> {
    validateReserveRequest(request, false);

    const groups = groupLines(request.lines);
    await this.checkOffers(request);
    await request.beforeSubmit?.();

    const { reader } = this.client;
    const body = {
      outerId: request.attemptId ?? randomUUID(),
      items: groups.map((group) => ({
        itemId: group.itemId,
        skuId: group.skuId,
        quantity: group.quantity,
      })),
    };
    let data: unknown;
    try {
      data = await this.client.call('orders', reader.url('orders'), { method: 'POST', body });
    } catch (error) {
      if (!isLostAnswer(error)) {
        throw error;
      }
      // The same outerId returns the orders of the first submit if it created any, and
      // creates them if it did not: retrying once is safe.
      data = await this.client.call('orders', reader.url('orders'), { method: 'POST', body });
    }

    const created = reader.array(data, 'created.orders').map((order) => this.parseOrder(order));

    return this.confirmListed(created, groups);
  }

  async cancelOrder(orderNumber: string, reason: CancelReason): Promise<void> {
    assertOrderNumber(orderNumber);

    await this.client.call('cancel', this.client.reader.url('cancel', { orderNumber }), {
      method: 'POST',
      body: { reason },
    });
  }

  async findOrder(orderNumber: string): Promise<ProviderOrder | null> {
    assertOrderNumber(orderNumber);

    try {
      const data = await this.client.call(
        'order',
        this.client.reader.url('order', { orderNumber }),
      );

      return this.parseOrder(data);
    } catch (error) {
      if (
        error instanceof ProviderRejectedError &&
        this.client.profile.codes.orderNotFound.includes(error.providerCode)
      ) {
        return null;
      }

      throw error;
    }
  }

  async listOrders(query: ListOrdersQuery): Promise<OrderPage> {
    if (!Number.isInteger(query.page) || query.page < 1) {
      throw new InvalidRequestError(`Page must be a whole number from 1, not ${query.page}`);
    }

    const { reader, profile } = this.client;
    const pageSize = Math.min(query.pageSize ?? profile.maxPageSize, profile.maxPageSize);
    const params = new URLSearchParams({ page: String(query.page), pageSize: String(pageSize) });
    if (query.since) {
      params.set('updatedSinceMs', String(query.since.getTime()));
    }
    const data = await this.client.call('orders', `${reader.url('orders')}?${params}`);
    const total = reader.number(data, 'list.total');

    return {
      orders: reader.array(data, 'list.orders').map((order) => this.parseOrder(order)),
      page: reader.number(data, 'list.page'),
      totalPages: Math.max(1, Math.ceil(total / reader.number(data, 'list.pageSize'))),
    };
  }

  async getTracking(orderNumber: string): Promise<TrackingInfo> {
    assertOrderNumber(orderNumber);

    const { reader } = this.client;
    const data = await this.client.call('order', reader.url('order', { orderNumber }));

    return {
      orderNumber,
      trackingNumber: reader.optionalString(data, 'order.expressId'),
      carrier: reader.optionalString(data, 'order.expressName'),
    };
  }

  async exportSession(): Promise<SessionSnapshot | null> {
    return null;
  }

  async close(): Promise<void> {
    // Nothing is held between calls.
  }

  private async checkOffers(request: ReserveRequest): Promise<void> {
    const itemIds = [...new Set(request.lines.map((line) => line.itemId))];
    const offers = new Map(
      await Promise.all(itemIds.map(async (id) => [id, await this.getItemOffer(id)] as const)),
    );

    for (const line of request.lines) {
      const offer = offers.get(line.itemId)!;
      if (offer.isTmall) {
        throw new NotBuyableError(line.itemId, 'tmall', `${offer.sellerName} is a Tmall shop`);
      }
      if (!offer.buyable) {
        throw new NotBuyableError(line.itemId, 'other', offer.notBuyableText ?? 'not for sale');
      }
      const sku = offer.skus.find((candidate) => candidate.skuId === line.skuId);
      if (!sku) {
        throw new ItemOutdatedError(line.itemId, 'sku', line.skuId, null);
      }
      if (sku.stock < line.quantity) {
        throw new NotBuyableError(line.itemId, 'stock', `only ${sku.stock} left`);
      }
      checkLineAgainstOffer(line, sku, request.priceTolerancePercent ?? 0);
    }
  }

  /** Reports only the created orders the order list shows. */
  private async confirmListed(
    created: ProviderOrder[],
    groups: ReturnType<typeof groupLines>,
  ): Promise<ReserveResult> {
    const listed = await this.listOrders({ page: 1 });
    const listedNumbers = new Set(listed.orders.map((order) => order.orderNumber));
    const linesByKey = new Map(groups.map((group) => [group.key, group.lines]));
    const result: ReserveResult = { orders: [], unconfirmedOrderNumbers: [] };

    for (const order of created) {
      const seen =
        listedNumbers.has(order.orderNumber) || (await this.findOrder(order.orderNumber));
      if (!seen) {
        result.unconfirmedOrderNumbers.push(order.orderNumber);
        continue;
      }
      result.orders.push({
        orderNumber: order.orderNumber,
        sellerId: order.sellerId ?? '',
        sellerName: order.sellerName,
        status: order.status,
        totalFee: order.totalFee,
        lineIds: order.lines.flatMap((line) =>
          (linesByKey.get(lineKey(line.itemId, line.skuId)) ?? []).map((each) => each.lineId),
        ),
      });
    }

    return result;
  }

  private parseOrder(data: unknown): ProviderOrder {
    const { reader } = this.client;
    const providerStatus = reader.string(data, 'order.status');

    return {
      orderNumber: reader.string(data, 'order.id'),
      createdAt: new Date(reader.number(data, 'order.createdAtMs')).toISOString(),
      sellerName: reader.string(data, 'order.shopName'),
      sellerId: reader.optionalString(data, 'order.sellerId'),
      status: mapTaobaoStatus(providerStatus, 'paths.order.status'),
      providerStatus,
      totalFee: reader.string(data, 'order.totalFee'),
      postFee: '0.00',
      lines: reader.array(data, 'order.items').map((item) => {
        const quantity = reader.number(item, 'orderItem.quantity');

        return {
          itemId: reader.string(item, 'orderItem.itemId'),
          skuId: reader.optionalString(item, 'orderItem.skuId'),
          title: reader.string(item, 'orderItem.title'),
          configuration: reader.optionalString(item, 'orderItem.configuration'),
          quantity,
          total: (Number(reader.string(item, 'orderItem.price')) * quantity).toFixed(2),
          pictureUrl: null,
        };
      }),
    };
  }
}

function isLostAnswer(error: unknown): boolean {
  return isProviderError(error) && (error.code === 'timeout' || error.code === 'provider_busy');
}

function assertOrderNumber(orderNumber: string): void {
  if (!/^\d+$/.test(orderNumber)) {
    throw new InvalidRequestError(`"${orderNumber}" is not an order number`);
  }
}
