// Run by the browser pool's test as a child process: it starts a pool, opens a job, prints the
// browser's pid, and then waits to be killed without any chance to close the browser.
import { BrowserPool } from '../src/browser/browser-pool';

async function main(): Promise<void> {
  const pool = new BrowserPool({ size: 1 });
  const context = await pool.acquire('owner');
  await context.step('open', async (page) => page.goto('about:blank'));
  console.log(String(pool.browsers()[0]?.process()?.pid ?? ''));
  setInterval(() => undefined, 60_000);
}

void main();
