import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

// Without a browser the page-script specs cannot run; say so loudly instead of failing obscurely.
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  console.warn(
    `Skipping the Chromium specs: no browser at ${CHROMIUM_PATH} (set CHROMIUM_PATH or run ` +
      '`apt-get install -y chromium`).',
  );

  return false;
}

// One headless Chromium per spec file, started with the flags that keep it off the network.
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'sandbox-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    userDataDir: profile,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Drags the slider handle like a person: press, several small moves, release.
export async function dragSlider(page: Page, fraction = 1): Promise<void> {
  const handle = await page.$('#nc_1_n1z');
  const track = await page.$('#nc_1_n1t');
  const handleBox = (await handle!.boundingBox())!;
  const trackBox = (await track!.boundingBox())!;
  const startX = handleBox.x + handleBox.width / 2;
  const y = handleBox.y + handleBox.height / 2;
  const distance = (trackBox.width - handleBox.width) * fraction + (fraction >= 1 ? 10 : 0);

  await page.mouse.move(startX, y);
  await page.mouse.down();
  await page.mouse.move(startX + distance, y + 2, { steps: 12 });
  await page.mouse.up();
}
