import { ADDRESS, startSandboxFixture, type SandboxFixture } from '../../../test/sandbox-fixture';
import { withJob } from '../../adapter/provider-adapter';
import type { AccountAccess, ReserveLine, ReserveRequest } from '../../adapter/types';
import { BrowserPool } from '../../browser/browser-pool';
import {
  DealLimitReachedError,
  InvalidRequestError,
  ItemOutdatedError,
  NotBuyableError,
  ProviderBusyError,
  ProviderChangedError,
  ProviderRejectedError,
  ProviderTimeoutError,
  SessionExpiredError,
} from '../../errors/provider-errors';
import { TaobaoAdapter } from '../taobao-adapter';
import { TAOBAO_PROFILE, sandboxHosts } from '../taobao.profile';

jest.setTimeout(120_000);

const TSHIRT_BLACK_XL: ReserveLine = {
  lineId: 'line-1',
  itemId: '600000000001',
  skuId: '60000000000103',
  quantity: 2,
  expectedPrice: '59.00',
  expectedConfiguration: '颜色分类:黑色; 尺码:XL',
};
const JEANS_DEEP_BLUE_32: ReserveLine = {
  lineId: 'line-2',
  itemId: '600000000002',
  skuId: '60000000000202',
  quantity: 1,
  expectedPrice: '129.00',
};
const CUP_SILVER: ReserveLine = {
  lineId: 'line-3',
  itemId: '600000000003',
  skuId: '60000000000301',
  quantity: 1,
  expectedPrice: '39.90',
};
const POWER_BANK_TMALL: ReserveLine = {
  lineId: 'line-4',
  itemId: '600000000005',
  skuId: '60000000000501',
  quantity: 1,
};

interface CatalogueItem {
  itemId: string;
  isTmall: boolean;
  buyEnable: boolean;
  skus: { skuId: string; stock: number }[];
}

describe('TaobaoAdapter reservations and orders (against a live Sandbox)', () => {
  let fixture: SandboxFixture;

  beforeAll(async () => {
    // Short steps so injected hangs end the test quickly.
    fixture = await startSandboxFixture(4_000);
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  afterEach(async () => {
    await fixture.sandbox.control.call('DELETE', '/faults');
  });

  async function newBuyer(options: { dealLimit?: number } = {}): Promise<AccountAccess> {
    const login = await fixture.newAccount(options);

    return { accountId: login, login, session: await fixture.logIn(login) };
  }

  function request(lines: ReserveLine[]): ReserveRequest {
    return { lines, address: ADDRESS };
  }

  async function reserveFailure(account: AccountAccess, lines: ReserveLine[]) {
    return withJob(fixture.taobao(), account, (job) => job.reserve(request(lines))).catch(
      (error: unknown) => error,
    );
  }

  async function ordersOf(login: string) {
    return fixture.sandbox.control.orders(login);
  }

  it('should reserve items of two sellers in one checkout, one order per seller', async () => {
    const buyer = await newBuyer();
    let submits = 0;

    const result = await withJob(fixture.taobao(), buyer, (job) =>
      job.reserve({
        ...request([TSHIRT_BLACK_XL, JEANS_DEEP_BLUE_32, CUP_SILVER]),
        beforeSubmit: async () => {
          submits += 1;
        },
      }),
    );
    const truth = await ordersOf(buyer.login);

    expect(submits).toBe(1);
    expect(result.unconfirmedOrderNumbers).toEqual([]);
    expect(result.orders).toHaveLength(2);
    const bySeller = Object.fromEntries(result.orders.map((order) => [order.sellerId, order]));
    expect(bySeller['2200000001']).toMatchObject({
      status: 'unpaid',
      totalFee: '247.00',
      lineIds: expect.arrayContaining(['line-1', 'line-2']),
    });
    expect(bySeller['2200000002']).toMatchObject({ status: 'unpaid', lineIds: ['line-3'] });
    expect(truth.map((order) => order.bizOrderId).sort()).toEqual(
      result.orders.map((order) => order.orderNumber).sort(),
    );
    expect(truth.every((order) => order.status === 'WAIT_BUYER_PAY')).toBe(true);
  });

  it('should keep the job page through a checkout longer than the page step budget', async () => {
    const buyer = await newBuyer();
    // Renewing the page mid-checkout used to close it under running cart additions.
    const pool = new BrowserPool({ size: 1, maxStepsPerPage: 2 });
    const sut = new TaobaoAdapter({
      pool,
      hosts: sandboxHosts(fixture.sandbox.url),
      code: 'sandbox',
    });

    const result = await withJob(sut, buyer, (job) =>
      job.reserve(request([TSHIRT_BLACK_XL, JEANS_DEEP_BLUE_32, CUP_SILVER])),
    ).finally(() => pool.close());
    const truth = await ordersOf(buyer.login);

    expect(result.orders).toHaveLength(2);
    expect(truth).toHaveLength(2);
  });

  it('should merge two lines of the same SKU into one cart line and report both', async () => {
    const buyer = await newBuyer();
    const second = { ...TSHIRT_BLACK_XL, lineId: 'line-1b', quantity: 1 };

    const result = await withJob(fixture.taobao(), buyer, (job) =>
      job.reserve(request([TSHIRT_BLACK_XL, second])),
    );
    const truth = await ordersOf(buyer.login);

    expect(result.orders).toHaveLength(1);
    expect(result.orders[0]?.lineIds.sort()).toEqual(['line-1', 'line-1b']);
    expect(truth[0]?.subOrders).toEqual([expect.objectContaining({ quantity: 3 })]);
  });

  it('should refuse a Tmall item before anything is submitted', async () => {
    const buyer = await newBuyer();

    const failure = await reserveFailure(buyer, [CUP_SILVER, POWER_BANK_TMALL]);

    expect(failure).toBeInstanceOf(NotBuyableError);
    expect(failure).toMatchObject({ itemId: '600000000005', reason: 'tmall' });
    expect(await ordersOf(buyer.login)).toEqual([]);
  });

  it('should stop with "item outdated" naming old and new price when the price changed', async () => {
    const buyer = await newBuyer();
    await fixture.sandbox.control.updateItem('600000000003', { price: '45.00' });

    const failure = await reserveFailure(buyer, [CUP_SILVER]);
    await fixture.sandbox.control.updateItem('600000000003', { price: '39.90' });

    expect(failure).toBeInstanceOf(ItemOutdatedError);
    expect(failure).toMatchObject({ field: 'price', oldValue: '39.90', newValue: '45.00' });
    expect(await ordersOf(buyer.login)).toEqual([]);
  });

  it('should report the deal limit when the orders would exceed it', async () => {
    const buyer = await newBuyer({ dealLimit: 1 });

    const failure = await reserveFailure(buyer, [TSHIRT_BLACK_XL, CUP_SILVER]);

    expect(failure).toBeInstanceOf(DealLimitReachedError);
    expect(await ordersOf(buyer.login)).toEqual([]);
  });

  it('should refuse bad input before contacting the provider', async () => {
    const buyer = await newBuyer();
    const sut = fixture.taobao();

    const noLines = await withJob(sut, buyer, (job) => job.reserve(request([]))).catch(
      (error: unknown) => error,
    );
    const zero = await reserveFailure(buyer, [{ ...CUP_SILVER, quantity: 0 }]);
    const noAddress = await withJob(sut, buyer, (job) =>
      job.reserve({ lines: [CUP_SILVER], address: { ...ADDRESS, recipientName: ' ' } }),
    ).catch((error: unknown) => error);

    expect(noLines).toBeInstanceOf(InvalidRequestError);
    expect(zero).toBeInstanceOf(InvalidRequestError);
    expect(noAddress).toBeInstanceOf(InvalidRequestError);
    expect((noAddress as Error).message).toMatch(/recipientName/);
  });

  it('should pass on the provider refusing a malformed address', async () => {
    const buyer = await newBuyer();

    const failure = await withJob(fixture.taobao(), buyer, (job) =>
      job.reserve({ lines: [CUP_SILVER], address: { ...ADDRESS, regionCode: '12' } }),
    ).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(InvalidRequestError);
    expect(await ordersOf(buyer.login)).toEqual([]);
  });

  it('should stop with "session expired" when the stored session has ended', async () => {
    const buyer = await newBuyer();
    await fixture.sandbox.control.expireSessions(buyer.login);

    const failure = await reserveFailure(buyer, [CUP_SILVER]);

    expect(failure).toBeInstanceOf(SessionExpiredError);
    expect(await ordersOf(buyer.login)).toEqual([]);
  });

  describe('when an item changed at the provider', () => {
    let spareItems: { itemId: string; skuId: string }[] = [];

    beforeAll(async () => {
      // Generated items no other test buys, so changing them disturbs nothing else.
      const { items } = await fixture.sandbox.control.call<{ items: CatalogueItem[] }>(
        'GET',
        '/items',
      );
      spareItems = items
        .filter((item) => item.itemId.startsWith('61') && !item.isTmall && item.buyEnable)
        .filter((item) => item.skus.length >= 2 && item.skus.every((sku) => sku.stock >= 5))
        .slice(-4)
        .map((item) => ({ itemId: item.itemId, skuId: item.skus[0]!.skuId }));
    });

    it.each([
      [
        'its SKU was removed',
        0,
        (sku: string) => ({ removeSkuIds: [sku] }),
        ItemOutdatedError,
        {
          field: 'sku',
        },
      ],
      ['it is out of stock', 1, () => ({ stock: 0 }), NotBuyableError, { reason: 'stock' }],
      [
        'it was delisted',
        2,
        () => ({ buyEnable: false, reason: '此商品已下架' }),
        NotBuyableError,
        {
          reason: 'other',
        },
      ],
      ['it has a purchase limit', 3, () => ({ limit: 1 }), NotBuyableError, { reason: 'other' }],
    ])('should refuse it when %s', async (_case, index, change, expected, details) => {
      const buyer = await newBuyer();
      const spare = spareItems[index]!;
      await fixture.sandbox.control.updateItem(spare.itemId, change(spare.skuId));

      const failure = await reserveFailure(buyer, [
        CUP_SILVER,
        { lineId: 'spare', ...spare, quantity: 2 },
      ]);

      expect(failure).toBeInstanceOf(expected);
      expect(failure).toMatchObject({ itemId: spare.itemId, ...details });
      expect(await ordersOf(buyer.login)).toEqual([]);
    });
  });

  it.each([
    ['RGV587_ERROR', ProviderBusyError],
    ['PAGE_EXPIRED', ProviderBusyError],
    ['DEAL_LIMIT', DealLimitReachedError],
    ['PROMOTION_CHANGED', ItemOutdatedError],
    ['ITEM_INVALID', NotBuyableError],
    ['F-10003', NotBuyableError],
    ['B-15034', ProviderRejectedError],
  ])('should map the checkout error %s to its typed error', async (code, expected) => {
    const buyer = await newBuyer();
    await fixture.sandbox.control.fault({
      step: 'checkout.submit.before_create',
      mode: 'error',
      code,
      login: buyer.login,
    });

    const failure = await reserveFailure(buyer, [CUP_SILVER]);

    expect(failure).toBeInstanceOf(expected);
    expect(await ordersOf(buyer.login)).toEqual([]);
  });

  it.each([
    ['cart.add', 'fail', ProviderBusyError],
    ['cart.add', 'hang', ProviderTimeoutError],
    ['cart.page', 'fail', ProviderBusyError],
    ['checkout.confirm_page', 'fail', ProviderBusyError],
    ['checkout.confirm_page', 'hang', ProviderTimeoutError],
    ['checkout.submit.before_create', 'fail', ProviderBusyError],
    ['checkout.submit.before_create', 'hang', ProviderTimeoutError],
  ] as const)(
    'should surface a %s %s as the right error with no order created',
    async (step, mode, expected) => {
      const buyer = await newBuyer();
      // Failing every time, also when the adapter asks again.
      await fixture.sandbox.control.call('POST', '/faults', {
        step,
        mode,
        login: buyer.login,
        times: 100,
      });

      const failure = await reserveFailure(buyer, [TSHIRT_BLACK_XL, CUP_SILVER]);
      await fixture.sandbox.control.call('DELETE', '/faults');

      expect(failure).toBeInstanceOf(expected);
      expect(await ordersOf(buyer.login)).toEqual([]);
    },
  );

  it.each(['fail', 'hang'] as const)(
    'should report the orders a submit created even when its answer %ss afterwards',
    async (mode) => {
      const buyer = await newBuyer();
      await fixture.sandbox.control.fault({
        step: 'checkout.submit.after_create',
        mode,
        login: buyer.login,
      });

      const result = await withJob(fixture.taobao(), buyer, (job) =>
        job.reserve(request([TSHIRT_BLACK_XL, CUP_SILVER])),
      );
      const truth = await ordersOf(buyer.login);

      expect(truth).toHaveLength(2);
      expect(result.orders.map((order) => order.orderNumber).sort()).toEqual(
        truth.map((order) => order.bizOrderId).sort(),
      );
      expect(result.orders.flatMap((order) => order.lineIds).sort()).toEqual(['line-1', 'line-3']);
    },
  );

  it('should order the requested quantities when retried after a cart addition failed', async () => {
    const buyer = await newBuyer();
    // Failing every time the adapter asks again as well.
    await fixture.sandbox.control.call('POST', '/faults', {
      step: 'cart.add',
      mode: 'fail',
      login: buyer.login,
      times: 100,
    });
    const lines = [TSHIRT_BLACK_XL, JEANS_DEEP_BLUE_32, CUP_SILVER];

    const first = await reserveFailure(buyer, lines);
    await fixture.sandbox.control.call('DELETE', '/faults');
    const retry = await withJob(fixture.taobao(), buyer, (job) => job.reserve(request(lines)));
    const truth = await ordersOf(buyer.login);

    expect(first).toBeInstanceOf(ProviderBusyError);
    expect(retry.orders).toHaveLength(2);
    expect(
      truth.flatMap((order) => order.subOrders.map((sub) => `${sub.skuId}x${sub.quantity}`)).sort(),
    ).toEqual(['60000000000103x2', '60000000000202x1', '60000000000301x1']);
  });

  it('should name the profile entry when the confirm page no longer has its data', async () => {
    const buyer = await newBuyer();
    const broken = {
      ...TAOBAO_PROFILE,
      selectors: { ...TAOBAO_PROFILE.selectors, 'checkout.orderData': '#J_OrderDataV2' },
    };

    const failure = await withJob(fixture.taobao({ profile: broken }), buyer, (job) =>
      job.reserve(request([CUP_SILVER])),
    ).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ProviderChangedError);
    expect((failure as ProviderChangedError).profileEntry).toBe('selectors.checkout.orderData');
    expect(await ordersOf(buyer.login)).toEqual([]);
  });

  describe('after a reservation', () => {
    let buyer: AccountAccess;
    let orderNumbers: string[];

    beforeAll(async () => {
      buyer = await newBuyer();
      const result = await withJob(fixture.taobao(), buyer, (job) =>
        job.reserve(request([TSHIRT_BLACK_XL, CUP_SILVER])),
      );
      orderNumbers = result.orders.map((order) => order.orderNumber);
    });

    it('should find an order by its number and not find an unknown one', async () => {
      const [found, missing] = await withJob(fixture.taobao(), buyer, (job) =>
        Promise.all([job.findOrder(orderNumbers[0]!), job.findOrder('4000999999999999')]),
      );

      expect(found).toMatchObject({ orderNumber: orderNumbers[0], status: 'unpaid' });
      expect(found?.lines.length).toBeGreaterThan(0);
      expect(missing).toBeNull();
    });

    it('should list orders page by page', async () => {
      const pages = await withJob(fixture.taobao(), buyer, async (job) => [
        await job.listOrders({ page: 1, pageSize: 1 }),
        await job.listOrders({ page: 2, pageSize: 1 }),
      ]);

      expect(pages.map((page) => page.totalPages)).toEqual([2, 2]);
      expect(pages.flatMap((page) => page.orders.map((order) => order.orderNumber)).sort()).toEqual(
        [...orderNumbers].sort(),
      );
    });

    it('should read several pages at once once the list is open, each the page asked for', async () => {
      const pages = await withJob(fixture.taobao(), buyer, async (job) => {
        await job.listOrders({ page: 1, pageSize: 1 });

        return Promise.all([
          job.listOrders({ page: 2, pageSize: 1 }),
          job.listOrders({ page: 1, pageSize: 1 }),
        ]);
      });

      expect(pages.map((page) => page.page)).toEqual([2, 1]);
      expect(pages.flatMap((page) => page.orders.map((order) => order.orderNumber)).sort()).toEqual(
        [...orderNumbers].sort(),
      );
    });

    it('should list only orders changed since a time', async () => {
      const page = await withJob(fixture.taobao(), buyer, (job) =>
        job.listOrders({ page: 1, since: new Date(Date.now() + 3_600_000) }),
      );

      expect(page.orders).toEqual([]);
    });

    it('should give no tracking number before shipping and the number after', async () => {
      const before = await withJob(fixture.taobao(), buyer, (job) =>
        job.getTracking(orderNumbers[0]!),
      );
      await fixture.sandbox.control.pay(orderNumbers[0]!);
      await fixture.sandbox.control.ship(orderNumbers[0]!, 'ZT1234567890');
      const [after, shipped] = await withJob(fixture.taobao(), buyer, async (job) => [
        await job.getTracking(orderNumbers[0]!),
        await job.findOrder(orderNumbers[0]!),
      ]);

      expect(before.trackingNumber).toBeNull();
      expect(after).toMatchObject({ trackingNumber: 'ZT1234567890', carrier: '中通快递' });
      expect(shipped).toMatchObject({
        status: 'shipped',
        providerStatus: 'WAIT_BUYER_CONFIRM_GOODS',
      });
    });

    it.each([
      ['orders.list', 'listOrders'],
      ['order.detail', 'findOrder'],
      ['tracking', 'getTracking'],
      ['order.cancel', 'cancelOrder'],
    ] as const)('should surface a failing %s as provider busy', async (step, call) => {
      // Failing every time a read is asked again too.
      await fixture.sandbox.control.call('POST', '/faults', {
        step,
        mode: 'fail',
        login: buyer.login,
        times: 3,
      });

      const failure = await withJob<unknown>(fixture.taobao(), buyer, (job) => {
        switch (call) {
          case 'listOrders':
            return job.listOrders({ page: 1 });
          case 'findOrder':
            return job.findOrder(orderNumbers[1]!);
          case 'getTracking':
            return job.getTracking(orderNumbers[1]!);
          case 'cancelOrder':
            return job.cancelOrder(orderNumbers[1]!, '我不想买了');
        }
      })
        .catch((error: unknown) => error)
        .finally(() => fixture.sandbox.control.call('DELETE', '/faults'));

      expect(failure).toBeInstanceOf(ProviderBusyError);
    });

    it('should ask a read again after one 5xx and return its answer', async () => {
      await fixture.sandbox.control.fault({
        step: 'orders.list',
        mode: 'fail',
        login: buyer.login,
      });

      const page = await withJob(fixture.taobao(), buyer, (job) => job.listOrders({ page: 1 }));

      expect(page.orders.map((order) => order.orderNumber).sort()).toEqual(
        [...orderNumbers].sort(),
      );
    });

    it('should surface a dropped connection as provider busy, not as a site change', async () => {
      await fixture.sandbox.control.configure({ hangMs: 300 });
      // Every try is dropped: the adapter's own and Chromium's (a GET on a reused connection that
      // drops without an answer is sent once more by the browser).
      await fixture.sandbox.control.call('POST', '/faults', {
        step: 'tracking',
        mode: 'hang',
        login: buyer.login,
        times: 6,
      });

      const failure = await withJob<unknown>(fixture.taobao(), buyer, (job) =>
        job.getTracking(orderNumbers[1]!),
      )
        .catch((error: unknown) => error)
        .finally(() => fixture.sandbox.control.configure({ hangMs: null }));

      expect(failure).toBeInstanceOf(ProviderBusyError);
      expect(String(failure)).toMatch(/no answer during order\.tracking/);
    });

    it('should cancel an unpaid order with a reason, and refuse a reason the site does not know', async () => {
      const sut = fixture.taobao();

      const refusal = await withJob(sut, buyer, (job) =>
        job.cancelOrder(orderNumbers[1]!, '太贵了' as never),
      ).catch((error: unknown) => error);
      await withJob(sut, buyer, (job) => job.cancelOrder(orderNumbers[1]!, '我不想买了'));
      const after = await withJob(sut, buyer, (job) => job.findOrder(orderNumbers[1]!));

      expect(refusal).toBeInstanceOf(InvalidRequestError);
      expect(after).toMatchObject({
        status: 'cancelled',
        providerStatus: 'TRADE_CLOSED_BY_TAOBAO',
      });
    });
  });
});
