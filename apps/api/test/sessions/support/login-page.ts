import type { BrowserPool } from '@autobuy/provider-adapters';

import type { Box, Popup } from './popup';
import { SANDBOX_PASSWORD } from '../../support/sandbox';

export const LOGIN_FORM = ['#fm-login-id', '#fm-login-password', '#fm-login-submit'];

/**
 * Where elements sit on the Sandbox's login page (or, given a login, on the page after its
 * password step), measured in a separate context of the same size: the test's stand-in for an
 * operator looking at the streamed frames.
 */
export async function measure(
  pool: BrowserPool,
  sandboxUrl: string,
  selectors: string[],
  login?: string,
): Promise<Record<string, Box>> {
  const probe = await pool.acquire('probe');
  try {
    return await probe.step('measure', async (page) => {
      await page.goto(`${sandboxUrl}/member/login.jhtml`);
      if (login) {
        await page.type('#fm-login-id', login);
        await page.type('#fm-login-password', SANDBOX_PASSWORD);
        await Promise.all([page.waitForNavigation(), page.click('#fm-login-submit')]);
      }
      const boxes: Record<string, Box> = {};
      for (const selector of selectors) {
        const box = await (await page.$(selector))?.boundingBox();
        if (!box) {
          throw new Error(`${selector} is not on ${page.url()}`);
        }
        boxes[selector] = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }

      return boxes;
    });
  } finally {
    await probe.release();
  }
}

/** Types login and password into the streamed login form, as an operator would. */
export async function typePassword(
  window: Popup,
  activityId: string,
  form: Record<string, Box>,
  login: string,
): Promise<void> {
  await window.click(activityId, form['#fm-login-id'] as Box);
  await window.type(activityId, login);
  await window.click(activityId, form['#fm-login-password'] as Box);
  await window.type(activityId, SANDBOX_PASSWORD);
  await window.click(activityId, form['#fm-login-submit'] as Box);
}
