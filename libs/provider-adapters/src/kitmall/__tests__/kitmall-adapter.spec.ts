import { PASSWORD, startSandboxFixture, type SandboxFixture } from '../../../test/sandbox-fixture';
import { withJob } from '../../adapter/provider-adapter';
import type { AccountAccess, ReserveLine } from '../../adapter/types';
import {
  DealLimitReachedError,
  InvalidRequestError,
  ItemOutdatedError,
  NotBuyableError,
  ProviderBusyError,
  ProviderChangedError,
} from '../../errors/provider-errors';
import { KitmallAdapter } from '../kitmall-adapter';
import { KITMALL_PROFILE } from '../kitmall.profile';

jest.setTimeout(60_000);

const TSHIRT: ReserveLine = {
  lineId: 'a',
  itemId: '600000000001',
  skuId: '60000000000103',
  quantity: 2,
  expectedPrice: '59.00',
  expectedConfiguration: '颜色分类:黑色; 尺码:XL',
};
const CUP: ReserveLine = {
  lineId: 'b',
  itemId: '600000000003',
  skuId: '60000000000301',
  quantity: 1,
};
const TMALL: ReserveLine = {
  lineId: 'c',
  itemId: '600000000005',
  skuId: '60000000000501',
  quantity: 1,
};
const NO_ADDRESS = { recipientName: '', mobilePhone: '', regionCode: '', zipCode: '', address: '' };

describe(KitmallAdapter.name, () => {
  let fixture: SandboxFixture;
  let counter = 0;

  beforeAll(async () => {
    fixture = await startSandboxFixture(2_000);
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  afterEach(async () => {
    await fixture.sandbox.control.call('DELETE', '/faults');
  });

  async function newKitmallAccount(dealLimit = 20): Promise<AccountAccess> {
    counter += 1;
    const login = `kit_${process.pid}_${counter}`;
    const apiKey = `key-${login}`;
    await fixture.sandbox.control.call('POST', '/accounts', {
      login,
      password: PASSWORD,
      challenge: 'none',
      dealLimit,
      apiKey,
    });

    return { accountId: login, login, apiKey };
  }

  const reserve = (account: AccountAccess, lines: ReserveLine[], adapter = fixture.kitmall()) =>
    withJob(adapter, account, (job) => job.reserve({ lines, address: NO_ADDRESS }));

  const failureOf = (promise: Promise<unknown>) => promise.catch((error: unknown) => error);

  it('should tell a valid API key from an unknown one', async () => {
    const account = await newKitmallAccount();
    const sut = fixture.kitmall();

    const valid = await withJob(sut, account, (job) => job.checkSession());
    const invalid = await withJob(sut, { ...account, apiKey: 'wrong' }, (job) =>
      job.checkSession(),
    );

    expect(valid.loggedIn).toBe(true);
    expect(invalid).toEqual({ loggedIn: false, nickname: null });
  });

  it('should refuse a browser login and a job without an API key', async () => {
    const sut = fixture.kitmall();

    await expect(sut.startLogin()).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(sut.openJob({ accountId: 'x', login: 'x' })).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
  });

  it('should read an item offer, Tmall included', async () => {
    const account = await newKitmallAccount();

    const [tshirt, powerBank] = await withJob(fixture.kitmall(), account, (job) =>
      Promise.all([job.getItemOffer('600000000001'), job.getItemOffer('600000000005')]),
    );

    expect(tshirt).toMatchObject({ sellerId: '2200000001', isTmall: false, buyable: true });
    expect(tshirt.skus).toContainEqual({
      skuId: '60000000000103',
      configuration: '颜色分类:黑色; 尺码:XL',
      price: '59.00',
      stock: 100,
    });
    expect(powerBank.isTmall).toBe(true);
  });

  it('should reserve items of two sellers as one order per seller', async () => {
    const account = await newKitmallAccount();

    const result = await reserve(account, [TSHIRT, CUP]);
    const truth = await fixture.sandbox.control.orders(account.login);

    expect(result.orders).toHaveLength(2);
    expect(result.orders.map((order) => order.lineIds).sort()).toEqual([['a'], ['b']]);
    expect(result.orders.every((order) => order.status === 'unpaid')).toBe(true);
    expect(truth.map((order) => order.bizOrderId).sort()).toEqual(
      result.orders.map((order) => order.orderNumber).sort(),
    );
  });

  it('should refuse Tmall, a changed price and the deal limit without creating orders', async () => {
    const account = await newKitmallAccount();
    const limited = await newKitmallAccount(1);

    const tmall = await failureOf(reserve(account, [CUP, TMALL]));
    const price = await failureOf(reserve(account, [{ ...CUP, expectedPrice: '35.00' }]));
    const limit = await failureOf(reserve(limited, [TSHIRT, CUP]));

    expect(tmall).toMatchObject({ reason: 'tmall', itemId: '600000000005' });
    expect(tmall).toBeInstanceOf(NotBuyableError);
    expect(price).toBeInstanceOf(ItemOutdatedError);
    expect(limit).toBeInstanceOf(DealLimitReachedError);
    expect(await fixture.sandbox.control.orders(account.login)).toEqual([]);
    expect(await fixture.sandbox.control.orders(limited.login)).toEqual([]);
  });

  it.each([
    ['kitmall.order.create.before', 'fail'],
    ['kitmall.order.create.after', 'fail'],
    ['kitmall.order.create.after', 'hang'],
  ] as const)('should create the orders exactly once when %s %ss once', async (step, mode) => {
    const account = await newKitmallAccount();
    await fixture.sandbox.control.fault({ step, mode, login: account.login });

    const result = await reserve(account, [TSHIRT, CUP]);
    const truth = await fixture.sandbox.control.orders(account.login);

    expect(truth).toHaveLength(2);
    expect(result.orders.map((order) => order.orderNumber).sort()).toEqual(
      truth.map((order) => order.bizOrderId).sort(),
    );
  });

  it.each([
    ['kitmall.item.get', 'getItemOffer'],
    ['kitmall.order.get', 'findOrder'],
    ['kitmall.order.list', 'listOrders'],
    ['kitmall.order.cancel', 'cancelOrder'],
  ] as const)('should surface a failing %s as provider busy', async (step, call) => {
    const account = await newKitmallAccount();
    const [order] = (await reserve(account, [CUP])).orders;
    await fixture.sandbox.control.fault({ step, mode: 'fail', login: account.login });

    const failure = await failureOf(
      withJob<unknown>(fixture.kitmall(), account, (job) => {
        switch (call) {
          case 'getItemOffer':
            return job.getItemOffer(CUP.itemId);
          case 'findOrder':
            return job.findOrder(order!.orderNumber);
          case 'listOrders':
            return job.listOrders({ page: 1 });
          case 'cancelOrder':
            return job.cancelOrder(order!.orderNumber, '我不想买了');
        }
      }),
    );

    expect(failure).toBeInstanceOf(ProviderBusyError);
  });

  it('should find, list by page, track and cancel orders', async () => {
    const account = await newKitmallAccount();
    const { orders } = await reserve(account, [TSHIRT, CUP]);
    const [first, second] = orders.map((order) => order.orderNumber) as [string, string];
    await fixture.sandbox.control.pay(first);
    await fixture.sandbox.control.ship(first, 'YT000111222');

    const seen = await withJob(fixture.kitmall(), account, async (job) => {
      await job.cancelOrder(second, '我不想买了');

      return {
        found: await job.findOrder(first),
        missing: await job.findOrder('4000999999999999'),
        page1: await job.listOrders({ page: 1, pageSize: 1 }),
        page2: await job.listOrders({ page: 2, pageSize: 1 }),
        tracking: await job.getTracking(first),
        cancelled: await job.findOrder(second),
      };
    });

    expect(seen.found).toMatchObject({ orderNumber: first, status: 'shipped' });
    expect(seen.missing).toBeNull();
    expect([seen.page1.totalPages, seen.page2.totalPages]).toEqual([2, 2]);
    expect(
      [...seen.page1.orders, ...seen.page2.orders].map((order) => order.orderNumber).sort(),
    ).toEqual([first, second].sort());
    expect(seen.tracking).toMatchObject({ trackingNumber: 'YT000111222' });
    expect(seen.cancelled?.status).toBe('cancelled');
  });

  it('should name the profile entry when the API answer changed shape', async () => {
    const account = await newKitmallAccount();
    const broken = {
      ...KITMALL_PROFILE,
      paths: { ...KITMALL_PROFILE.paths, 'item.skus': 'variants' },
    };
    const sut = new KitmallAdapter({
      apiUrl: `${fixture.sandbox.url}/kitmall/api/v1`,
      profile: broken,
    });

    const failure = await failureOf(
      withJob(sut, account, (job) => job.getItemOffer('600000000001')),
    );

    expect(failure).toBeInstanceOf(ProviderChangedError);
    expect((failure as ProviderChangedError).profileEntry).toBe('paths.item.skus');
  });
});
