// Installs the workspace's npm packages exactly as locked, unless they are already in place.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { root, run } from './run.mjs';

export function ensureInstall() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  const upToDate =
    existsSync(marker) &&
    statSync(marker).mtimeMs >= statSync(lock).mtimeMs &&
    readFileSync(marker, 'utf8').length > 0;
  if (upToDate) return;

  console.log('Installing npm packages (npm ci; the first run compiles better-sqlite3)…');
  const code = run('npm', ['ci', '--no-audit', '--no-fund']);
  if (code !== 0) {
    console.error('npm ci failed: check that the npm registry is reachable and Node.js is 20+.');
    process.exit(code);
  }
}
