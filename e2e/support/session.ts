import { expect, type Page } from '@playwright/test';

export const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password';

/** Where each spec leaves its screenshots, for people to look at after a run. */
export function screenshotPath(name: string): string {
  return `e2e/artifacts/screenshots/${name}.png`;
}

export async function logIn(page: Page, password = adminPassword): Promise<void> {
  await page.goto('/');
  await page.getByTestId('login-name').fill('admin');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('current-operator')).toContainText('admin');
}
