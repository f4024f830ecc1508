// Finds the Chromium that Puppeteer and Playwright drive, installing Debian's package when this
// machine allows it. Browser downloads by test tools are not possible here, so we never try.
import { existsSync } from 'node:fs';

import { run } from './run.mjs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;

  return candidates.find((path) => existsSync(path)) ?? null;
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium not found: installing Debian package "chromium" (about a minute)…');
    const updated = run('apt-get', ['update', '-qq']);
    const installed =
      updated === 0 ? run('apt-get', ['install', '-y', '-qq', 'chromium']) : updated;
    if (installed === 0 && findChromium()) return findChromium();
  }

  console.error(
    'Chromium is required: run "sudo apt-get install -y chromium" (or set CHROMIUM_PATH) and retry.',
  );
  process.exit(1);
}
