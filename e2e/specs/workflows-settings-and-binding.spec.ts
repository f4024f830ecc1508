import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { expect, test, type Page } from '@playwright/test';

import {
  placeSandboxOrder,
  sandboxSkus,
  shopLine,
  type SandboxSku,
} from '../support/sandbox-buyer';
import { ensureSandboxSession, openOrder, sandboxUrl } from '../support/sandbox-popup';
import { logIn, screenshotPath } from '../support/session';

// The file sorts after workflows-session-reserve on purpose: it reuses the Sandbox session that
// spec logs in (and logs one in itself when run alone). Its shop orders are its own.
const BUYER = 'sandbox_buyer';
const ABORT_ORDER = 'E2E-ABORT-1';
const BIND_ORDER = 'E2E-BIND-1';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

async function importOrder(page: Page, externalId: string, lines: ReturnType<typeof shopLine>[]) {
  const answer = await page.request.post('/api/v1/orders', {
    data: { externalId, customerName: 'Кузнецова Анна', items: lines },
  });
  expect(answer.ok()).toBe(true);
}

/**
 * A SKU of a fixed Sandbox item by its two-digit index. The ones used here (0105, 0205, 0206)
 * are in no demo order and no other spec touches them.
 */
async function skuOf(page: Page, itemId: string, index: string): Promise<SandboxSku> {
  const sku = (await sandboxSkus(page.request, itemId)).find(
    (one) => one.skuId === `${itemId}${index}`,
  );
  if (!sku) throw new Error(`the Sandbox has no SKU ${itemId}${index}`);

  return sku;
}

async function chooseSession(page: Page) {
  await page.getByTestId('session-row').filter({ hasText: BUYER }).first().click();
}

test.describe.serial('workflows: webhooks, abort, bind by number and the audit log', () => {
  let receiver: Server;
  let receiverUrl = '';
  const received: Delivery[] = [];

  test.beforeAll(async () => {
    // The shop's webhook receiver, on this machine like an intranet host would be.
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/autobuy/events`;
  });

  test.afterAll(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  test('adds a webhook: the URL is checked as typed and the secret is shown once', async ({
    page,
  }) => {
    await logIn(page);
    await page.getByTestId('nav-webhooks').click();
    await expect(page.getByTestId('webhooks-empty')).toBeVisible();

    await page.getByTestId('webhook-url').fill('shop.example.com/hook');
    await page.getByTestId('webhook-create').click();
    await expect(page.getByTestId('webhook-form')).toContainText('http:// или https://');

    await page.getByTestId('webhook-url').fill(receiverUrl);
    await page.getByTestId('webhook-create').click();
    const secret = page.getByTestId('created-webhook-secret');
    await expect(secret).toContainText('whsec_');
    await page.screenshot({ path: screenshotPath('admin-30-webhook-secret'), fullPage: true });
    await page.getByTestId('created-webhook-close').click();

    await expect(secret).toBeHidden();
    const row = page.getByTestId('webhook-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(receiverUrl);
    await expect(page.getByText(/whsec_/)).toHaveCount(0);
  });

  test('an outdated configuration answered with "abort" stops the reservation and frees the items', async ({
    page,
  }) => {
    await logIn(page);
    const gone = await skuOf(page, '600000000002', '06');
    const kept = await skuOf(page, '600000000001', '05');
    await importOrder(page, ABORT_ORDER, [shopLine('line-1', gone), shopLine('line-2', kept)]);
    const removed = await page.request.patch(`${sandboxUrl}/__control/items/${gone.itemId}`, {
      data: { removeSkuIds: [gone.skuId] },
    });
    expect(removed.ok()).toBe(true);

    await openOrder(page, ABORT_ORDER);
    await ensureSandboxSession(page, page.context().browser()!, BUYER);
    await chooseSession(page);
    await page.getByTestId('select-all').check();
    await page.getByTestId('reserve').click();

    const modal = page.getByTestId('progress-modal');
    await expect(modal.getByTestId('question-panel')).toBeVisible({ timeout: 50_000 });
    await expect(modal.getByTestId('question-context')).toContainText(gone.configuration);
    await page.screenshot({ path: screenshotPath('admin-31-abort-question'), fullPage: true });
    await modal.locator('[data-testid="question-option"][data-choice="abort"]').click();

    await expect(modal.getByTestId('activity-state')).toHaveAttribute('data-state', 'aborted', {
      timeout: 50_000,
    });
    await page.getByTestId('progress-close').click();
    const items = page.getByTestId('to-purchase-section').getByTestId('item-row');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toHaveAttribute('data-state', 'available');
    await expect(items.nth(1)).toHaveAttribute('data-state', 'available');
    await expect(page.getByTestId('purchased-section').getByTestId('item-row')).toHaveCount(0);
    await page.screenshot({ path: screenshotPath('admin-32-aborted'), fullPage: true });
  });

  test('binds a provider order placed on the Sandbox by its number', async ({ page }) => {
    await logIn(page);
    const sku = await skuOf(page, '600000000002', '05');
    await importOrder(page, BIND_ORDER, [shopLine('line-1', sku)]);
    const number = await placeSandboxOrder(BUYER, sku);

    await openOrder(page, BIND_ORDER);
    await ensureSandboxSession(page, page.context().browser()!, BUYER);
    await chooseSession(page);
    await page.getByTestId('bind-open').click();
    await page.getByTestId('bind-number').fill(number);
    // The dialog proposes the chosen session's account; choosing it again would clear it.
    const account = page.getByTestId('bind-account');
    if ((await account.inputValue()) !== BUYER) {
      await account.click();
      await page.getByRole('option', { name: BUYER, exact: true }).click();
    }
    await expect(account).toHaveValue(BUYER);
    await page.getByTestId('bind-submit').click();

    const modal = page.getByTestId('progress-modal');
    await expect(modal.getByTestId('activity-state')).toHaveAttribute('data-state', 'succeeded', {
      timeout: 50_000,
    });
    await page.getByTestId('progress-close').click();
    const bound = page.getByTestId('purchased-section').getByTestId('item-row');
    await expect(bound).toHaveCount(1);
    await expect(bound).toHaveAttribute('data-provider-order', number);
    await expect(bound).toHaveAttribute('data-state', 'reserved');
    await page.screenshot({ path: screenshotPath('admin-33-bound-by-number'), fullPage: true });
  });

  test('the activities page names orders and accounts and finds an order by number', async ({
    page,
  }) => {
    await logIn(page);
    await page.getByTestId('nav-autobuy').click();
    await page.getByTestId('activities-order-number').fill(BIND_ORDER);

    const rows = page.getByTestId('activity-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.getByTestId('activity-order-number')).toHaveText(BIND_ORDER);
    await expect(rows.getByTestId('activity-account-login')).toHaveText(BUYER);
    await page.screenshot({ path: screenshotPath('admin-34-activities-named'), fullPage: true });
  });

  test('the webhook log shows the delivery of the item state change', async ({ page }) => {
    // The API sends from its outbox every few seconds; the receiver answers 200.
    await expect
      .poll(() => received.filter((one) => one.body.includes(BIND_ORDER)).length, {
        timeout: 40_000,
      })
      .toBeGreaterThan(0);
    const delivery = received.find((one) => one.body.includes(BIND_ORDER))!;
    expect(delivery.headers['x-autobuy-event']).toBe('item.state_changed');
    expect(String(delivery.headers['x-autobuy-signature'])).toMatch(/^sha256=[0-9a-f]{64}$/);

    await logIn(page);
    await page.getByTestId('nav-webhooks').click();
    await page.getByTestId('webhook-deliveries-open').click();
    const log = page.getByTestId('webhook-deliveries');
    await expect(async () => {
      await log.getByTestId('deliveries-refresh').click();
      await expect(
        log.locator('[data-testid="delivery-row"][data-status="delivered"]').first(),
      ).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    const row = log.locator('[data-testid="delivery-row"][data-status="delivered"]').first();
    await expect(row.getByTestId('delivery-response')).toContainText('200');
    await expect(row.getByTestId('delivery-attempts')).toHaveText('1');
    await page.screenshot({ path: screenshotPath('admin-35-webhook-deliveries'), fullPage: true });
  });

  test('the audit log lists the actions just done, with who and from where', async ({ page }) => {
    await logIn(page);
    await page.getByTestId('nav-audit').click();

    const rows = page.getByTestId('audit-row');
    for (const action of [
      'POST /api/v1/webhooks',
      'POST /api/v1/reservations',
      'POST /api/v1/bindings',
      'POST /api/v1/orders',
    ]) {
      await expect(rows.filter({ hasText: action }).first()).toBeVisible();
    }
    const webhook = rows.filter({ hasText: 'POST /api/v1/webhooks' }).first();
    await expect(webhook.getByTestId('audit-actor')).toContainText('admin');
    await expect(webhook.getByTestId('audit-origin')).toContainText('127.0.0.1');
    await page.screenshot({ path: screenshotPath('admin-36-audit-log'), fullPage: true });
  });
});
