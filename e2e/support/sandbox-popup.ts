import { expect, type Browser, type Page } from '@playwright/test';

export const sandboxUrl = process.env.E2E_SANDBOX_URL ?? 'http://127.0.0.1:3100';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes of some elements on a Sandbox page of the streamed size, reached by `goTo`. */
export async function fieldBoxes<K extends string>(
  browser: Browser,
  width: number,
  height: number,
  goTo: (page: Page) => Promise<void>,
  selectors: Record<K, string>,
): Promise<Record<K, Box>> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${sandboxUrl}/member/login.jhtml`);
  await goTo(page);
  const boxOf = async (selector: string): Promise<Box> => {
    const box = await page.locator(selector).boundingBox();
    if (!box) throw new Error(`${selector} is not shown on the Sandbox login page`);

    return box;
  };
  const boxes = {} as Record<K, Box>;
  for (const name of Object.keys(selectors) as K[]) {
    boxes[name] = await boxOf(selectors[name]);
  }
  await context.close();

  return boxes;
}

/**
 * Where the Sandbox login form's fields are on a page of the streamed size: the popup shows
 * that page as a picture, so the spec clicks it where a person would see the fields.
 */
export async function loginFieldBoxes(browser: Browser, width: number, height: number) {
  return fieldBoxes(browser, width, height, () => Promise.resolve(), {
    login: '#fm-login-id',
    password: '#fm-login-password',
    submit: '#fm-login-submit',
  });
}

/** Clicks the centre of a page element on the popup's scaled canvas. */
export async function clickOnCanvas(popup: Page, box: Box) {
  const canvas = popup.getByTestId('login-canvas');
  const shown = await canvas.boundingBox();
  const pageWidth = Number(await canvas.getAttribute('data-page-width'));
  const pageHeight = Number(await canvas.getAttribute('data-page-height'));
  if (!shown) throw new Error('The login canvas is not shown');

  await popup.mouse.click(
    shown.x + ((box.x + box.width / 2) * shown.width) / pageWidth,
    shown.y + ((box.y + box.height / 2) * shown.height) / pageHeight,
  );
}

export async function openOrder(page: Page, number: string) {
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-search').fill(number);
  await expect(page.getByTestId('order-row')).toHaveCount(1);
  await page.getByTestId('order-link').click();
  await expect(page.getByTestId('order-title')).toContainText(number);
}

/**
 * Logs the Sandbox account without a challenge in through the login popup of the open order
 * page, unless it already has an active session there (another spec may have made one).
 */
export async function ensureSandboxSession(page: Page, browser: Browser, login: string) {
  const row = page.getByTestId('session-row').filter({ hasText: login });
  await expect(page.getByTestId('session-panel')).toBeVisible();
  if ((await row.count()) > 0 && (await row.first().getAttribute('data-state')) === 'active') {
    return;
  }

  const popupOpened = page.waitForEvent('popup');
  await page.getByTestId('session-add').click();
  const popup = await popupOpened;
  const canvas = popup.getByTestId('login-canvas');
  await expect(canvas).toHaveAttribute('data-drawn', 'true');
  const width = Number(await canvas.getAttribute('data-page-width'));
  const height = Number(await canvas.getAttribute('data-page-height'));
  const boxes = await loginFieldBoxes(browser, width, height);
  await clickOnCanvas(popup, boxes.login);
  await popup.keyboard.type(login);
  await clickOnCanvas(popup, boxes.password);
  await popup.keyboard.type('sandbox123');
  const closed = popup.waitForEvent('close', { timeout: 45_000 });
  await clickOnCanvas(popup, boxes.submit);
  await closed;
  await expect(row.first()).toHaveAttribute('data-state', 'active');
}
