// `npm start`: installs what is missing, builds everything, then runs the Sandbox and the API
// (which serves the admin) on the embedded default: SQLite under ./data, in-process work queue.
import { ensureChromium } from './lib/ensure-chromium.mjs';
import { ensureInstall } from './lib/ensure-install.mjs';
import { run, startService, waitForHttp } from './lib/run.mjs';

const apiPort = process.env.PORT ?? '3000';
const sandboxPort = process.env.SANDBOX_PORT ?? '3100';
const sandboxUrl = process.env.SANDBOX_URL ?? `http://127.0.0.1:${sandboxPort}`;

ensureInstall();
const chromium = ensureChromium();

console.log('Building the workspace…');
if (run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']) !== 0) {
  console.error('The build failed; see the errors above.');
  process.exit(1);
}

const sandbox = startService('sandbox', 'node', ['apps/provider-sandbox/dist/main.js'], {
  SANDBOX_PORT: sandboxPort,
});
const api = startService('api', 'node', ['apps/api/dist/main.js', '--role=all'], {
  PORT: apiPort,
  SANDBOX_URL: sandboxUrl,
  CHROMIUM_PATH: chromium,
});

const children = [sandbox, api];
const stopAll = (code) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
};
for (const child of children) {
  child.on('exit', (code) => stopAll(code ?? 1));
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

try {
  await waitForHttp(`${sandboxUrl}/member/login.jhtml`);
  await waitForHttp(`http://127.0.0.1:${apiPort}/api/v1/health/ready`);
  console.log(
    [
      '',
      '  Autobuy is running.',
      `  Admin:   http://127.0.0.1:${apiPort}/   (log in as "admin"; the password is printed`,
      '           above on the first start, or is ADMIN_PASSWORD if you set it)',
      `  API:     http://127.0.0.1:${apiPort}/api/docs`,
      `  Sandbox: ${sandboxUrl}/   (demo buyer "sandbox_buyer", password "sandbox123")`,
      '  Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
}
