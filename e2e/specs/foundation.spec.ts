import { expect, test } from '@playwright/test';

import { logIn, screenshotPath } from '../support/session';

test.describe('foundation: log in, orders, purchase tab, language', () => {
  test('refuses a wrong password and lets the admin in with the right one', async ({ page }) => {
    await page.goto('/orders');
    await expect(page.getByTestId('login-form')).toBeVisible();
    await page.screenshot({ path: screenshotPath('01-login'), fullPage: true });

    await page.getByTestId('login-name').fill('admin');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toBeVisible();

    await logIn(page);
    await expect(page.getByTestId('orders-table')).toBeVisible();
  });

  test('lists the demo orders, searches them and opens the purchase tab', async ({ page }) => {
    await logIn(page);
    await page.getByTestId('nav-orders').click();

    const rows = page.getByTestId('order-row');
    await expect(rows).toHaveCount(3);
    await expect(page.getByTestId('orders-table')).toContainText('DEMO-1001');
    await page.screenshot({ path: screenshotPath('02-orders'), fullPage: true });

    // A Chinese word of an item title finds the one order holding that item.
    await page.getByTestId('orders-search').fill('充电宝');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('DEMO-1002');

    await page.getByTestId('orders-search').fill('');
    await expect(rows).toHaveCount(3);
    await rows.filter({ hasText: 'DEMO-1001' }).getByTestId('order-link').click();

    await expect(page.getByTestId('order-title')).toContainText('DEMO-1001');
    await page.getByTestId('tab-purchase').click();
    const available = page.getByTestId('to-purchase-section').getByTestId('item-row');
    await expect(available).toHaveCount(3);
    await expect(available.first()).toContainText('颜色分类:黑色; 尺码:XL');
    await expect(page.getByTestId('purchased-section')).toBeVisible();
    await page.screenshot({ path: screenshotPath('03-order-purchase-tab'), fullPage: true });
  });

  test('marks the Tmall item as not purchasable automatically', async ({ page }) => {
    await logIn(page);
    await page.getByTestId('orders-search').fill('DEMO-1002');
    await expect(page.getByTestId('order-row')).toHaveCount(1);
    await page.getByTestId('order-link').click();
    await page.getByTestId('tab-purchase').click();

    const tmallRow = page.getByTestId('item-row').filter({ hasText: '小米充电宝' });
    await expect(tmallRow.getByTestId('tmall-mark')).toBeVisible();
    await page.screenshot({ path: screenshotPath('04-tmall-item'), fullPage: true });
  });

  test('switches the language between Russian and English and remembers it', async ({ page }) => {
    await logIn(page);
    const menu = page.getByTestId('nav-orders');
    await expect(menu).toContainText('Заказы');

    await page.getByTestId('language-switch').getByText('EN').click();
    await expect(menu).toContainText('Orders');
    await page.screenshot({ path: screenshotPath('05-orders-english'), fullPage: true });

    await page.reload();
    await expect(page.getByTestId('nav-orders')).toContainText('Orders');

    await page.getByTestId('language-switch').getByText('RU').click();
    await expect(page.getByTestId('nav-orders')).toContainText('Заказы');
  });

  test('shows every settings page to the admin', async ({ page }) => {
    await logIn(page);
    const pages = [
      ['nav-providers', 'providers-table', '06-settings-providers'],
      ['nav-accounts', 'accounts-table', '07-settings-accounts'],
      ['nav-warehouse', 'warehouse-form', '08-settings-warehouse'],
      ['nav-operators', 'operators-table', '09-settings-operators'],
      ['nav-api-keys', 'create-api-key-form', '10-settings-api-keys'],
    ] as const;

    for (const [link, content, shot] of pages) {
      await page.getByTestId(link).click();
      await expect(page.getByTestId(content)).toBeVisible();
      await page.screenshot({ path: screenshotPath(shot), fullPage: true });
    }
  });

  test('creates an integrator API key that is shown once, then lists it', async ({ page }) => {
    await logIn(page);
    await page.getByTestId('nav-api-keys').click();
    await page.getByTestId('api-key-name').fill('Shop integration');
    await page.getByTestId('api-key-create').click();

    const shown = page.getByTestId('created-api-key');
    await expect(shown).toBeVisible();
    const key = (await shown.textContent())?.trim() ?? '';
    expect(key.length).toBeGreaterThan(20);
    await page.screenshot({ path: screenshotPath('11-api-key-created'), fullPage: true });
    await page.keyboard.press('Escape');

    const row = page.getByTestId('api-key-row').filter({ hasText: 'Shop integration' });
    await expect(row).toBeVisible();
    await expect(page.getByTestId('api-keys-table')).not.toContainText(key);
  });

  test('logging out ends the session: the orders page asks to log in again', async ({ page }) => {
    await logIn(page);
    await page.getByTestId('logout').click();
    await expect(page.getByTestId('login-form')).toBeVisible();

    await page.goto('/orders');
    await expect(page.getByTestId('login-form')).toBeVisible();
  });
});
