import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WORKSPACE = join(__dirname, '..', '..', '..', '..');
// A private build outside the workspace, so other suites building the Sandbox never swap files
// under this one, and lint never sees compiled output.
const BUILD = join(tmpdir(), `autobuy-api-tests-${process.getuid?.() ?? 0}`, 'sandbox');

export const SANDBOX_PASSWORD = 'sandbox123';

export interface SandboxOrder {
  bizOrderId: string;
  login: string;
  status: string;
  sellerId: string;
  closeReason: string | null;
  subOrders: { itemId: string; skuId: string | null; quantity: number }[];
}

export interface Sandbox {
  url: string;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** The Sandbox's ground truth: every order an account holds. */
  orders(login: string): Promise<SandboxOrder[]>;
  /** The SMS code the Sandbox "sent" to the account's phone. */
  smsCode(login: string): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error('no free port');
  }

  return address.port;
}

/** Builds the Sandbox from its sources and runs it as its own process, like a website. */
export async function startSandbox(): Promise<Sandbox> {
  execFileSync(
    join(WORKSPACE, 'node_modules/.bin/tsc'),
    ['-p', 'apps/provider-sandbox/tsconfig.app.json', '--outDir', BUILD],
    { cwd: WORKSPACE, stdio: 'inherit' },
  );
  const port = await freePort();
  const child = spawn(process.execPath, [join(BUILD, 'main.js')], {
    env: {
      ...process.env,
      SANDBOX_PORT: String(port),
      SANDBOX_HOST: '127.0.0.1',
      NODE_PATH: join(WORKSPACE, 'node_modules'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;

  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/__control${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`Sandbox control ${method} ${path} answered ${response.status}: ${text}`);
    }

    return (text ? JSON.parse(text) : null) as T;
  };

  const deadline = Date.now() + 20_000;
  while (
    !(await fetch(`${url}/__control/state`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The Sandbox did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    control,
    orders: async (login) => {
      const path = `/orders?login=${encodeURIComponent(login)}`;

      return (await control<{ orders: SandboxOrder[] }>('GET', path)).orders;
    },
    smsCode: async (login) =>
      (await control<{ code: string }>('GET', `/phone/sms?login=${encodeURIComponent(login)}`))
        .code,
    stop: async () => {
      if (child.exitCode !== null) {
        return;
      }
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
      if (child.exitCode === null) {
        child.kill('SIGKILL');
      }
    },
  };
}
