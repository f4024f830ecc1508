import type { Browser, Page } from 'puppeteer-core';

import { chromiumAvailable, dragSlider, launchChromium } from './support/browser';
import { useSandbox } from './support/buyer-client';

// The pages whose scripts matter, in real Chromium: slider, QR polling, SMS form, item and cart.
// Skipped only on a machine without Chromium; `npm test` installs it first, so CI always runs them.
const describeWithChromium = chromiumAvailable() ? describe : describe.skip;

describeWithChromium('buyer pages in Chromium', () => {
  const t = useSandbox();
  let chromium: { browser: Browser; close(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium.close();
  });
  beforeEach(async () => {
    const context = await chromium.browser.createBrowserContext();
    page = await context.newPage();
  });
  afterEach(async () => {
    await page.browserContext().close();
  });

  const openLogin = async (login: string) => {
    await page.goto(`${t.sandbox.url}/member/login.jhtml`);
    await page.type('#fm-login-id', login);
    await page.type('#fm-login-password', 'sandbox123');
    await Promise.all([page.waitForNavigation(), page.click('#fm-login-submit')]);
  };
  const nickname = () => page.$eval('.J_MyNick', (element) => element.textContent);

  it('should pass the login slider with a human drag, then log in with the password', async () => {
    await openLogin('slider_buyer');
    await dragSlider(page);
    await page.waitForFunction(
      () => document.querySelector('#nc_1__scale_text')?.textContent === '验证通过',
    );
    await page.type('#fm-login-password', 'sandbox123');
    await Promise.all([page.waitForNavigation(), page.click('#fm-login-submit')]);

    expect(new URL(page.url()).pathname).toBe('/my_taobao.htm');
    expect(await nickname()).toBe('slider_buyer');
  });

  it('should show the slider error for a short drag and let the buyer retry', async () => {
    await openLogin('slider_buyer');
    await dragSlider(page, 0.4);
    await page.waitForSelector('#nc_1_refresh1');
    const error = await page.$eval('#nc_1__scale_text', (element) => element.textContent);
    await page.click('#nc_1_refresh1');
    await dragSlider(page);
    await page.waitForFunction(
      () => document.querySelector('#nc_1__scale_text')?.textContent === '验证通过',
    );

    expect(error).toBe('哎呀，出错了，点击刷新再来一次');
  });

  it('should poll the QR code and log in once the phone confirms', async () => {
    await openLogin('qr_buyer');
    await page.waitForSelector('#J_QRCode');
    await t.control.post('/phone/qr', { login: 'qr_buyer', action: 'scan' });
    await page.waitForFunction(
      () => document.querySelector('#J_QRCodeStatus')?.getAttribute('data-status') === 'SCANED',
    );
    await Promise.all([
      page.waitForNavigation(),
      t.control.post('/phone/qr', { login: 'qr_buyer', action: 'confirm' }),
    ]);

    expect(new URL(page.url()).pathname).toBe('/my_taobao.htm');
    expect(await nickname()).toBe('qr_buyer');
  });

  it('should send an SMS code from the identity page and log in with it', async () => {
    await openLogin('sms_buyer');
    await page.click('#J_GetCode');
    await page.waitForSelector('#J_SendHint[data-sent="1"]');
    const sms = await t.control.get('/phone/sms?login=sms_buyer');
    await page.type('#J_Checkcode', sms.json.code);
    await Promise.all([page.waitForNavigation(), page.click('#J_SubmitCode')]);

    expect(await nickname()).toBe('sms_buyer');
  });

  it('should choose a SKU on the item page, add it to the cart and check out to a result page', async () => {
    await openLogin('sandbox_buyer');
    await page.goto(`${t.sandbox.url}/item.htm?id=600000000001`);
    await page.click('li[data-value="1627207:28341"]');
    await page.click('li[data-value="20509:28317"]');
    await page.click('#J_LinkBasket');
    await page.waitForFunction(
      () => document.querySelector('#J_AddCartResult')?.textContent === '添加成功',
    );
    await page.goto(`${t.sandbox.url}/cart`);
    await Promise.all([page.waitForNavigation(), page.click('#J_Go')]);
    await Promise.all([page.waitForNavigation(), page.click('#J_Submit')]);
    const created = await page.$$eval('li.J_CreatedOrder', (items) =>
      items.map((item) => item.getAttribute('data-biz-order-id')),
    );
    const truth = await t.control.get('/orders?login=sandbox_buyer');

    expect(created).toEqual([truth.json.orders[0].bizOrderId]);
    expect(truth.json.orders[0].subOrders[0]).toMatchObject({
      skuId: '60000000000103',
      skuText: '颜色分类:黑色; 尺码:XL',
    });
  });

  it('should pass the risk-control page with the slider and come back', async () => {
    await openLogin('sandbox_buyer');
    await t.control.post('/risk', { login: 'sandbox_buyer' });
    await page.goto(`${t.sandbox.url}/cart`);
    await page.waitForSelector('#J_Punish');
    await Promise.all([page.waitForNavigation(), dragSlider(page)]);
    const cookies = await page.browserContext().cookies();

    expect(new URL(page.url()).pathname).toBe('/cart');
    expect(cookies.some((cookie) => cookie.name === 'x5sec')).toBe(true);
  });
});
