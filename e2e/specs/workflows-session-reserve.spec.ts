import { expect, test } from '@playwright/test';

import {
  clickOnCanvas,
  fieldBoxes,
  loginFieldBoxes,
  openOrder,
  sandboxUrl,
} from '../support/sandbox-popup';
import { logIn, screenshotPath } from '../support/session';

const FINAL = /^(succeeded|partly_succeeded|failed|aborted|cancelled)$/;

test.describe.serial('workflows: a session through the popup, then reserve and unbind', () => {
  test('adds a Sandbox session by typing into the streamed login page', async ({
    page,
    browser,
  }) => {
    await logIn(page);
    await openOrder(page, 'DEMO-1001');
    await expect(page.getByTestId('session-panel')).toBeVisible();

    const popupOpened = page.waitForEvent('popup');
    await page.getByTestId('session-add').click();
    const popup = await popupOpened;
    await expect(popup.getByTestId('login-canvas')).toBeVisible();
    await expect(popup.getByTestId('popup-connecting')).toBeHidden();

    const canvas = popup.getByTestId('login-canvas');
    const width = Number(await canvas.getAttribute('data-page-width'));
    const height = Number(await canvas.getAttribute('data-page-height'));
    const boxes = await loginFieldBoxes(browser, width, height);
    await expect(canvas).toHaveAttribute('data-drawn', 'true');
    await popup.screenshot({ path: screenshotPath('workflows-10-popup-login') });

    await clickOnCanvas(popup, boxes.login);
    await popup.keyboard.type('sandbox_buyer');
    await clickOnCanvas(popup, boxes.password);
    await popup.keyboard.type('sandbox123');
    const closed = popup.waitForEvent('close', { timeout: 45_000 });
    await clickOnCanvas(popup, boxes.submit);
    await closed;

    const row = page.getByTestId('session-row').filter({ hasText: 'sandbox_buyer' });
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-state', 'active');
    await page.screenshot({ path: screenshotPath('workflows-11-session-added'), fullPage: true });
  });

  test('reserves two items and follows the progress to the end', async ({ page }) => {
    await logIn(page);
    await openOrder(page, 'DEMO-1001');
    await expect(page.getByTestId('session-row')).toHaveCount(1);

    const available = page.getByTestId('to-purchase-section').getByTestId('item-row');
    await available.nth(0).getByTestId('item-select').check();
    await available.nth(1).getByTestId('item-select').check();
    await expect(available.nth(0)).toHaveAttribute('data-selected', 'true');
    await page.getByTestId('reserve').click();

    const state = page.getByTestId('progress-modal').getByTestId('activity-state');
    await expect(state).toBeVisible();
    await page.screenshot({
      path: screenshotPath('workflows-12-reserve-progress'),
      fullPage: true,
    });
    await expect(state).toHaveAttribute('data-state', FINAL, { timeout: 50_000 });
    await expect(page.getByTestId('progress-modal').getByTestId('log-entry').first()).toBeVisible();
    await page.screenshot({
      path: screenshotPath('workflows-13-reserve-finished'),
      fullPage: true,
    });

    await page.getByTestId('progress-to-activity').click();
    await expect(page.getByTestId('activity-page')).toBeVisible();
    await expect(page.getByTestId('timeline-entry').first()).toBeVisible();
    await page.screenshot({ path: screenshotPath('workflows-14-activity-page'), fullPage: true });

    await page.getByTestId('back-to-activities').click();
    await expect(page.getByTestId('activity-row').first()).toBeVisible();
    await page.screenshot({ path: screenshotPath('workflows-15-activities'), fullPage: true });
  });

  test('unbinds a reserved item, answering that its provider order holds another', async ({
    page,
  }) => {
    await logIn(page);
    await openOrder(page, 'DEMO-1001');

    const purchased = page.getByTestId('purchased-section').getByTestId('item-row');
    await expect(purchased.first()).toBeVisible();
    await purchased.first().getByTestId('item-select').check();
    await page.getByTestId('unbind').click();
    await page.getByTestId('confirm-action').click();

    // Both reserved items share one provider order: the operator decides, and the side menu
    // counts the activity waiting meanwhile.
    const modal = page.getByTestId('progress-modal');
    await expect(modal.getByTestId('question-panel')).toBeVisible({ timeout: 50_000 });
    await expect(page.getByTestId('attention-badge')).toHaveText('1');
    await page.screenshot({ path: screenshotPath('workflows-16-unbind-question'), fullPage: true });
    await modal.locator('[data-testid="question-option"][data-choice="cancel_all"]').click();

    const state = modal.getByTestId('activity-state');
    await expect(state).toHaveAttribute('data-state', FINAL, { timeout: 50_000 });
    await expect(page.getByTestId('attention-badge')).toBeHidden();
    await page.screenshot({ path: screenshotPath('workflows-17-unbind-finished'), fullPage: true });
    await page.getByTestId('progress-close').click();
    await expect(page.getByTestId('purchased-section').getByTestId('item-row')).toHaveCount(0);
  });

  test('a second admin page sees the reservation live, without reloading', async ({
    page,
    browser,
  }) => {
    await logIn(page);
    await openOrder(page, 'DEMO-1001');
    const watcherContext = await browser.newContext();
    const watcher = await watcherContext.newPage();
    await logIn(watcher);
    await openOrder(watcher, 'DEMO-1001');
    const watched = watcher.getByTestId('purchased-section').getByTestId('item-row');
    await expect(watched).toHaveCount(0);

    await page.getByTestId('select-all').check();
    await page.getByTestId('reserve').click();
    const state = page.getByTestId('progress-modal').getByTestId('activity-state');
    await expect(state).toHaveAttribute('data-state', FINAL, { timeout: 50_000 });

    await expect(watched.first()).toHaveAttribute('data-state', 'reserved');
    await watcher.screenshot({ path: screenshotPath('workflows-18-second-page'), fullPage: true });
    await watcherContext.close();
  });

  test('after paying and shipping in the Sandbox, synchronization shows both', async ({
    page,
    request,
  }) => {
    await logIn(page);
    await openOrder(page, 'DEMO-1001');
    const purchased = page.getByTestId('purchased-section').getByTestId('item-row');
    const number = await purchased.first().getAttribute('data-provider-order');
    expect(number).toBeTruthy();

    const control = `${sandboxUrl}/__control/orders/${number}`;
    expect((await request.post(`${control}/pay`, { data: {} })).ok()).toBe(true);
    const shipped = await request.post(`${control}/ship`, { data: { expressId: 'SF1234567890' } });
    expect(shipped.ok()).toBe(true);

    await page.getByTestId('session-sync').first().click();
    const state = page.getByTestId('progress-modal').getByTestId('activity-state');
    await expect(state).toHaveAttribute('data-state', FINAL, { timeout: 50_000 });
    await page.getByTestId('progress-close').click();

    const paidRow = page
      .locator(`[data-testid="item-row"][data-provider-order="${number}"]`)
      .first();
    await expect(paidRow).toHaveAttribute('data-state', 'shipped');
    await expect(paidRow.getByTestId('tracking-number')).toContainText('SF1234567890');
    await page.screenshot({ path: screenshotPath('workflows-19-synchronized'), fullPage: true });
  });

  test('an outdated configuration asks; the modal closed mid-run, the answer comes from the activity page', async ({
    page,
    request,
  }) => {
    // The SKU DEMO-1003 orders of item 600000000001 is gone at the provider.
    const removed = await request.patch(`${sandboxUrl}/__control/items/600000000001`, {
      data: { removeSkuIds: ['60000000000104'] },
    });
    expect(removed.ok()).toBe(true);
    await logIn(page);
    await openOrder(page, 'DEMO-1003');
    await page.getByTestId('select-all').check();
    await page.getByTestId('reserve').click();

    const modal = page.getByTestId('progress-modal');
    await expect(modal.getByTestId('question-panel')).toBeVisible({ timeout: 50_000 });
    await expect(modal.getByTestId('question-context')).toContainText('颜色分类:白色; 尺码:M');
    await page.screenshot({
      path: screenshotPath('workflows-20-outdated-question'),
      fullPage: true,
    });
    await page.getByTestId('progress-close').click();
    await expect(modal).toBeHidden();

    await page.getByTestId('nav-autobuy').click();
    const waiting = page.getByTestId('waiting-section').getByTestId('activity-row');
    await expect(waiting).toHaveCount(1);
    await expect(page.getByTestId('attention-badge')).toHaveText('1');
    await page.screenshot({ path: screenshotPath('workflows-21-waiting-first'), fullPage: true });
    await waiting.getByTestId('activity-link').click();

    const activity = page.getByTestId('activity-page');
    await activity.locator('[data-testid="question-option"][data-choice="skip_item"]').click();
    await expect(activity.getByTestId('activity-state').first()).toHaveAttribute(
      'data-state',
      FINAL,
      { timeout: 50_000 },
    );
    await expect(activity.locator('[data-testid="item-result"][data-state="skipped"]')).toHaveCount(
      1,
    );
    await expect(page.getByTestId('attention-badge')).toBeHidden();
    await page.screenshot({ path: screenshotPath('workflows-22-answered'), fullPage: true });
  });

  test('the activity page and purchase tab switch language without reloading', async ({ page }) => {
    await logIn(page);
    await page.getByTestId('nav-autobuy').click();
    await page.getByTestId('activity-link').first().click();
    await expect(page.getByTestId('activity-page')).toBeVisible();
    await expect(page.getByTestId('back-to-activities')).toContainText('Все активности');

    await page.getByTestId('language-switch').getByText('EN').click();
    await expect(page.getByTestId('back-to-activities')).toContainText('All activities');
    await expect(page.getByTestId('activity-page')).toContainText('Live log');

    await openOrder(page, 'DEMO-1003');
    await expect(page.getByTestId('auto-purchase-form')).toContainText('Auto-purchase');
    await expect(page.getByTestId('session-panel')).toContainText('Run synchronization');
    await page.screenshot({ path: screenshotPath('workflows-23-english'), fullPage: true });
    await page.getByTestId('language-switch').getByText('RU').click();
    await expect(page.getByTestId('auto-purchase-form')).toContainText('Автозакупка');
  });

  test('adds an SMS-code account by typing the code into the streamed check page', async ({
    page,
    browser,
    request,
  }) => {
    await logIn(page);
    const added = await page.request.post('/api/v1/accounts', {
      data: { provider: 'sandbox', login: 'sms_buyer' },
    });
    expect(added.ok()).toBe(true);
    await openOrder(page, 'DEMO-1002');

    const popupOpened = page.waitForEvent('popup');
    await page.getByTestId('session-add').click();
    const popup = await popupOpened;
    const canvas = popup.getByTestId('login-canvas');
    await expect(canvas).toHaveAttribute('data-drawn', 'true');
    const width = Number(await canvas.getAttribute('data-page-width'));
    const height = Number(await canvas.getAttribute('data-page-height'));
    const form = await loginFieldBoxes(browser, width, height);
    const check = await fieldBoxes(
      browser,
      width,
      height,
      async (helper) => {
        await helper.locator('#fm-login-id').fill('sms_buyer');
        await helper.locator('#fm-login-password').fill('sandbox123');
        await helper.locator('#fm-login-submit').click();
        await helper.waitForURL(/normal_validate/);
      },
      { send: '#J_GetCode', code: '#J_Checkcode', submit: '#J_SubmitCode' },
    );

    await clickOnCanvas(popup, form.login);
    await popup.keyboard.type('sms_buyer');
    await clickOnCanvas(popup, form.password);
    await popup.keyboard.type('sandbox123');
    await clickOnCanvas(popup, form.submit);
    await expect(popup.getByTestId('popup-challenge')).toBeVisible({ timeout: 30_000 });

    // The code the Sandbox "sends" is the newest one after this click, read from its phone.
    const before = await request.get(`${sandboxUrl}/__control/phone/sms?login=sms_buyer`);
    const previous = before.ok() ? ((await before.json()) as { code: string }).code : null;
    await clickOnCanvas(popup, check.send);
    let code = previous;
    await expect(async () => {
      const sms = await request.get(`${sandboxUrl}/__control/phone/sms?login=sms_buyer`);
      expect(sms.ok()).toBe(true);
      code = ((await sms.json()) as { code: string }).code;
      expect(code).not.toBe(previous);
    }).toPass({ timeout: 20_000 });
    await popup.screenshot({ path: screenshotPath('workflows-24-sms-check') });

    await clickOnCanvas(popup, check.code);
    await popup.keyboard.type(code ?? '');
    const closed = popup.waitForEvent('close', { timeout: 45_000 });
    await clickOnCanvas(popup, check.submit);
    await closed;

    const row = page.getByTestId('session-row').filter({ hasText: 'sms_buyer' });
    await expect(row).toHaveAttribute('data-state', 'active');
  });

  test('an outdated configuration answered with "cancel the item" cancels only that item', async ({
    page,
    request,
  }) => {
    const removed = await request.patch(`${sandboxUrl}/__control/items/600000000004`, {
      data: { removeSkuIds: ['60000000000402'] },
    });
    expect(removed.ok()).toBe(true);
    await logIn(page);
    await openOrder(page, 'DEMO-1002');
    // Two sessions now: the operator chooses the one that reserves.
    await page.getByTestId('session-row').filter({ hasText: 'sandbox_buyer' }).click();
    await page.getByTestId('select-all').check();
    await page.getByTestId('reserve').click();

    const modal = page.getByTestId('progress-modal');
    await expect(modal.getByTestId('question-panel')).toBeVisible({ timeout: 50_000 });
    await modal.locator('[data-testid="question-option"][data-choice="cancel_item"]').click();
    await expect(modal.getByTestId('activity-state')).toHaveAttribute('data-state', FINAL, {
      timeout: 50_000,
    });
    await expect(modal.locator('[data-testid="item-result"][data-state="cancelled"]')).toHaveCount(
      1,
    );
  });
});
