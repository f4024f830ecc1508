// Finds the Chromium that Puppeteer and Playwright drive, installing Debian's package when this
// machine allows it. Browser downloads by test tools are not possible here, so we never try.
import { existsSync } from 'node:fs';

import { run } from './run.mjs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;

  return candidates.find((path) => existsSync(path)) ?? null;
}

const cjkFont = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

function canInstallPackages() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

  return isRoot && existsSync('/usr/bin/apt-get');
}

// Without a CJK font, Chinese titles render as empty boxes in screenshots. Not fatal: the
// product works, only the pictures of it are worse.
function ensureCjkFont() {
  if (existsSync(cjkFont) || !canInstallPackages()) return;

  console.log('Installing Debian package "fonts-noto-cjk" so Chinese text renders…');
  if (run('apt-get', ['install', '-y', '-qq', 'fonts-noto-cjk']) !== 0) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'fonts-noto-cjk']);
  }
}

export function ensureChromium() {
  const found = findChromium();
  if (found) {
    ensureCjkFont();

    return found;
  }

  if (canInstallPackages()) {
    console.log('Chromium not found: installing Debian package "chromium" (about a minute)…');
    const updated = run('apt-get', ['update', '-qq']);
    const installed =
      updated === 0
        ? run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'])
        : updated;
    if (installed === 0 && findChromium()) return findChromium();
  }

  console.error(
    'Chromium is required: run "sudo apt-get install -y chromium" (or set CHROMIUM_PATH) and retry.',
  );
  process.exit(1);
}
