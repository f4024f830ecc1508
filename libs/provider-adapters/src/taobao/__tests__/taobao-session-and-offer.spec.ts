import { startSandboxFixture, type SandboxFixture } from '../../../test/sandbox-fixture';
import { withJob } from '../../adapter/provider-adapter';
import {
  BrowserUnavailableError,
  ChallengeRequiredError,
  InvalidRequestError,
  NotBuyableError,
  ProviderBusyError,
  ProviderChangedError,
  SessionExpiredError,
} from '../../errors/provider-errors';
import { TAOBAO_PROFILE } from '../taobao.profile';

jest.setTimeout(90_000);

describe('TaobaoAdapter sessions and item offers (against a live Sandbox)', () => {
  let fixture: SandboxFixture;

  beforeAll(async () => {
    fixture = await startSandboxFixture();
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  afterEach(async () => {
    await fixture.sandbox.control.call('DELETE', '/faults');
  });

  async function accountWithSession() {
    const login = await fixture.newAccount();

    return { accountId: login, login, session: await fixture.logIn(login) };
  }

  it('should report the nickname while logged in and a logged-out session after expiry', async () => {
    const account = await accountWithSession();
    const sut = fixture.taobao();

    const before = await withJob(sut, account, (job) => job.checkSession());
    await fixture.sandbox.control.expireSessions(account.login);
    const after = await withJob(sut, account, (job) => job.checkSession());
    const listing = await withJob(sut, account, (job) => job.listOrders({ page: 1 })).catch(
      (error: unknown) => error,
    );

    expect(before).toEqual({ loggedIn: true, nickname: account.login });
    expect(after).toEqual({ loggedIn: false, nickname: null });
    expect(listing).toBeInstanceOf(SessionExpiredError);
  });

  it('should read an item offer with its SKUs, configurations, prices and stock', async () => {
    const offer = await withJob(fixture.taobao(), { accountId: 'anon', login: 'anon' }, (job) =>
      job.getItemOffer('600000000001'),
    );

    expect(offer).toMatchObject({
      itemId: '600000000001',
      title: '男士纯棉圆领短袖T恤 夏季宽松',
      sellerId: '2200000001',
      sellerName: '简约男装工作室',
      isTmall: false,
      buyable: true,
    });
    expect(offer.skus).toHaveLength(6);
    expect(offer.skus.find((sku) => sku.skuId === '60000000000103')).toEqual({
      skuId: '60000000000103',
      configuration: '颜色分类:黑色; 尺码:XL',
      price: '59.00',
      stock: 100,
    });
  });

  it('should read several offers at once on one job, each with its own data', async () => {
    const ids = ['600000000001', '600000000002', '600000000003', '600000000005'];

    const offers = await withJob(fixture.taobao(), { accountId: 'anon', login: 'anon' }, (job) =>
      Promise.all(ids.map((id) => job.getItemOffer(id))),
    );

    expect(offers.map((offer) => offer.itemId)).toEqual(ids);
    expect(offers.map((offer) => offer.sellerId)).toEqual([
      '2200000001',
      '2200000001',
      '2200000002',
      '2200000003',
    ]);
    expect(offers.every((offer) => offer.skus.length > 0)).toBe(true);
  });

  it('should mark a Tmall item as Tmall', async () => {
    const offer = await withJob(fixture.taobao(), { accountId: 'anon', login: 'anon' }, (job) =>
      job.getItemOffer('600000000005'),
    );

    expect(offer).toMatchObject({ isTmall: true, sellerName: '小米官方旗舰店' });
  });

  it('should say an unknown item cannot be bought, and refuse an id that is not one', async () => {
    const sut = fixture.taobao();
    const account = { accountId: 'anon', login: 'anon' };

    const unknown = await withJob(sut, account, (job) => job.getItemOffer('699999999999')).catch(
      (error: unknown) => error,
    );
    const malformed = await withJob(sut, account, (job) => job.getItemOffer('abc')).catch(
      (error: unknown) => error,
    );

    expect(unknown).toBeInstanceOf(NotBuyableError);
    expect(unknown).toMatchObject({ itemId: '699999999999', reason: 'other' });
    expect(malformed).toBeInstanceOf(InvalidRequestError);
  });

  it('should surface a failing item page as provider busy', async () => {
    // Failing every time the read is asked again too.
    await fixture.sandbox.control.call('POST', '/faults', {
      step: 'item.page',
      mode: 'fail',
      times: 3,
    });

    const failure = await withJob(fixture.taobao(), { accountId: 'a', login: 'a' }, (job) =>
      job.getItemOffer('600000000001'),
    )
      .catch((error: unknown) => error)
      .finally(() => fixture.sandbox.control.call('DELETE', '/faults'));

    expect(failure).toBeInstanceOf(ProviderBusyError);
  });

  it('should name the profile entry that no longer matches the item data', async () => {
    const broken = {
      ...TAOBAO_PROFILE,
      paths: { ...TAOBAO_PROFILE.paths, 'item.sku2info': 'skuCore.skuInfoMap' },
    };

    const failure = await withJob(
      fixture.taobao({ profile: broken }),
      { accountId: 'a', login: 'a' },
      (job) => job.getItemOffer('600000000001'),
    ).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ProviderChangedError);
    expect((failure as ProviderChangedError).profileEntry).toBe('paths.item.sku2info');
  });

  it('should report the risk-control page as a challenge', async () => {
    const account = await accountWithSession();
    await fixture.sandbox.control.call('POST', '/risk', { login: account.login, times: 1 });

    const failure = await withJob(fixture.taobao(), account, (job) => job.checkSession()).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(ChallengeRequiredError);
    expect((failure as ChallengeRequiredError).kind).toBe('punish');
  });

  it('should replace a browser killed in the middle of a job so the next job works', async () => {
    const account = await accountWithSession();
    const sut = fixture.taobao();
    const job = await sut.openJob(account);
    await job.getItemOffer('600000000001');
    const pid = fixture.pool.browsers()[0]?.process()?.pid;
    if (!pid) {
      throw new Error('the browser has no process id');
    }

    process.kill(pid, 'SIGKILL');
    const failure = await job.listOrders({ page: 1 }).catch((error: unknown) => error);
    await job.close();
    const next = await withJob(sut, account, (nextJob) => nextJob.checkSession());

    expect(failure).toBeInstanceOf(BrowserUnavailableError);
    expect(next).toEqual({ loggedIn: true, nickname: account.login });
  });
});
