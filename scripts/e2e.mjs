// `npm run e2e`: builds the product, starts the Sandbox and the API on free ports with a fresh
// SQLite file, then runs the Playwright specs in Debian's Chromium against the built admin.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureChromium } from './lib/ensure-chromium.mjs';
import { ensureInstall } from './lib/ensure-install.mjs';
import { freePort } from './lib/free-port.mjs';
import { run, startService, waitForHttp } from './lib/run.mjs';

ensureInstall();
const chromium = ensureChromium();

if (process.env.E2E_SKIP_BUILD !== '1') {
  const built = run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']);
  if (built !== 0) process.exit(built);
}

const apiPort = await freePort();
const sandboxPort = await freePort();
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
const baseUrl = `http://127.0.0.1:${apiPort}`;
const dataDir = mkdtempSync(join(tmpdir(), 'autobuy-e2e-'));
const adminPassword = 'e2e-admin-password';

const services = [
  startService('sandbox', 'node', ['apps/provider-sandbox/dist/main.js'], {
    SANDBOX_PORT: String(sandboxPort),
  }),
  startService('api', 'node', ['apps/api/dist/main.js', '--role=all'], {
    PORT: String(apiPort),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    ADMIN_PASSWORD: adminPassword,
    SANDBOX_URL: sandboxUrl,
    CHROMIUM_PATH: chromium,
    LOG_LEVEL: 'warn',
  }),
];

let code = 1;
try {
  await waitForHttp(`${sandboxUrl}/member/login.jhtml`);
  await waitForHttp(`${baseUrl}/api/v1/health/ready`);
  code = run(
    'npx',
    ['playwright', 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)],
    {
      env: {
        ...process.env,
        E2E_BASE_URL: baseUrl,
        E2E_SANDBOX_URL: sandboxUrl,
        E2E_ADMIN_PASSWORD: adminPassword,
        CHROMIUM_PATH: chromium,
      },
    },
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  for (const service of services) service.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
