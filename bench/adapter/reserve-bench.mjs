// Reserves 60 order items (SKUs) from 15 sellers on one account against the Sandbox (50 ms latency per
// request) through the Taobao adapter in real Chromium, and compares the wall time with
//   - the floor: the Sandbox-logged durations of the requests a minimal client needs (one cart
//     addition per line, one confirm page, one submit, one bought-list read), made one after
//     another, and
//   - reserving the same items item by item (one checkout each).
// Run from the workspace root: `npm run bench:adapter`. The last line is machine-readable.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const LATENCY_MS = 50;
const SELLERS = 15;
const ITEMS_PER_SELLER = 4;
const PASSWORD = 'sandbox123';
const ADDRESS = {
  recipientName: '王小明',
  mobilePhone: '13800138000',
  regionCode: '310115',
  zipCode: '200120',
  address: '浦东新区世纪大道100号 Autobuy仓库',
};

// The Sandbox is built outside the workspace, so a build elsewhere cannot swap its files under the
// run and lint never sees compiled output; NODE_PATH lends it the workspace's dependencies.
const buildDir = join(tmpdir(), `autobuy-adapter-bench-${process.getuid?.() ?? 0}`);
const nodePath = join(root, 'node_modules');

function build() {
  const tsc = join(root, 'node_modules/.bin/tsc');
  execFileSync(
    tsc,
    ['-p', 'apps/provider-sandbox/tsconfig.app.json', '--outDir', join(buildDir, 'sandbox')],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  execFileSync(tsc, ['-p', 'libs/provider-adapters/tsconfig.lib.json'], {
    cwd: root,
    stdio: 'inherit',
  });
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));

  return port;
}

async function startSandbox() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(buildDir, 'sandbox/main.js')], {
    env: {
      ...process.env,
      SANDBOX_PORT: String(port),
      SANDBOX_HOST: '127.0.0.1',
      NODE_PATH: nodePath,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const ready = await fetch(`${url}/__control/state`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) {
      return { url, child };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('The Sandbox did not start');
}

function controller(url) {
  return async (method, path, body) => {
    const response = await fetch(`${url}/__control${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    }
    const text = await response.text();

    return text ? JSON.parse(text) : null;
  };
}

// Four order lines (distinct SKUs with stock, of buyable non-Tmall items) from each of 15
// sellers: what 60 shop-order items bought from 15 shops look like.
function pickLines(items) {
  const bySeller = new Map();
  for (const item of items) {
    if (item.isTmall || !item.buyEnable || (item.limit !== null && item.limit < 2)) {
      continue;
    }
    const list = bySeller.get(item.sellerId) ?? [];
    for (const sku of item.skus.filter((candidate) => candidate.stock >= 5)) {
      list.push({ itemId: item.itemId, skuId: sku.skuId });
    }
    bySeller.set(item.sellerId, list);
  }
  const sellers = [...bySeller.values()].filter((list) => list.length >= ITEMS_PER_SELLER);
  if (sellers.length < SELLERS) {
    throw new Error(
      `The catalogue has only ${sellers.length} sellers with ${ITEMS_PER_SELLER} SKUs to buy`,
    );
  }

  return sellers
    .slice(0, SELLERS)
    .flatMap((list) => list.slice(0, ITEMS_PER_SELLER))
    .map((line, index) => ({ ...line, lineId: `line-${index + 1}`, quantity: 1 }));
}

async function logIn(pool, url, login) {
  const context = await pool.acquire(`bench-${login}`);
  try {
    await context.step('log in', async (page) => {
      await page.goto(`${url}/member/login.jhtml`);
      await page.type('#fm-login-id', login);
      await page.type('#fm-login-password', PASSWORD);
      await Promise.all([page.waitForNavigation(), page.click('#fm-login-submit')]);
    });

    return await context.snapshot();
  } finally {
    await context.release();
  }
}

// The requests a minimal client must make, taken from the log of the batch run.
function floorOf(log) {
  const wanted = (path) => log.filter((entry) => entry.path.startsWith(path));
  const adds = wanted('/cart/add.do');
  const confirm = wanted('/auction/order/confirm_order.htm').slice(0, 1);
  const submit = wanted('/auction/order/submit_order.htm').slice(0, 1);
  const list = wanted('/trade/itemlist/').slice(0, 1);
  const needed = [...adds, ...confirm, ...submit, ...list];

  return {
    floorMs: needed.reduce((sum, entry) => sum + entry.durationMs, 0),
    needed: needed.length,
    made: log.filter((entry) => entry.area !== 'static').length,
  };
}

async function main() {
  build();
  const { BrowserPool, TaobaoAdapter, sandboxHosts, withJob } = require(
    join(root, 'libs/provider-adapters/dist/index.js'),
  );
  const { url, child } = await startSandbox();
  const control = controller(url);
  const pool = new BrowserPool({ size: 1, stepTimeoutMs: 60_000 });

  try {
    await control('POST', '/reset', { seed: 1 });
    for (const login of ['bench_batch', 'bench_single']) {
      await control('POST', '/accounts', {
        login,
        password: PASSWORD,
        challenge: 'none',
        dealLimit: 1000,
      });
    }
    const { items } = await control('GET', '/items');
    const lines = pickLines(items);
    const adapter = new TaobaoAdapter({ pool, hosts: sandboxHosts(url), code: 'sandbox' });
    const batch = {
      accountId: 'bench_batch',
      login: 'bench_batch',
      session: await logIn(pool, url, 'bench_batch'),
    };
    const single = {
      accountId: 'bench_single',
      login: 'bench_single',
      session: await logIn(pool, url, 'bench_single'),
    };
    await control('POST', '/config', { latencyMs: LATENCY_MS });

    await control('DELETE', '/requests');
    const batchStart = performance.now();
    const result = await withJob(adapter, batch, (job) => job.reserve({ lines, address: ADDRESS }));
    const wallMs = Math.round(performance.now() - batchStart);
    const log = await control('GET', '/requests');
    const { floorMs, needed, made } = floorOf(Array.isArray(log) ? log : log.requests);

    const singleStart = performance.now();
    let singleOrders = 0;
    await withJob(adapter, single, async (job) => {
      for (const line of lines) {
        singleOrders += (await job.reserve({ lines: [line], address: ADDRESS })).orders.length;
      }
    });
    const itemByItemMs = Math.round(performance.now() - singleStart);

    const truth = await control('GET', '/orders?login=bench_batch');
    const truthCount = (Array.isArray(truth) ? truth : truth.orders).length;
    console.log(
      `batch: ${lines.length} items, ${result.orders.length} orders reported, ${truthCount} held by the Sandbox`,
    );
    console.log(`requests: ${made} made by the adapter, ${needed} needed by a minimal client`);
    console.log(
      `item by item: ${singleOrders} orders in ${itemByItemMs} ms (${(itemByItemMs / wallMs).toFixed(1)}x the batch)`,
    );
    if (result.orders.length !== SELLERS || truthCount !== SELLERS) {
      throw new Error(
        `expected ${SELLERS} orders, got ${result.orders.length} reported and ${truthCount} held`,
      );
    }
    console.log(
      `ratio=${(wallMs / floorMs).toFixed(2)} wall_ms=${wallMs} floor_ms=${floorMs} item_by_item_ms=${itemByItemMs}`,
    );
  } finally {
    await pool.close();
    child.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
