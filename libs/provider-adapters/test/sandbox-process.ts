import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SandboxControl } from './sandbox-control';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
// A private build outside the workspace, so a build of the Sandbox running elsewhere never swaps
// files under a starting test process, and lint and format never see compiled output.
const SANDBOX_BUILD = join(tmpdir(), `autobuy-adapter-tests-${process.getuid?.() ?? 0}`, 'sandbox');
const SANDBOX_MAIN = join(SANDBOX_BUILD, 'main.js');

export interface RunningSandbox {
  url: string;
  control: SandboxControl;
  stop(): Promise<void>;
}

/** Compiles the Sandbox app once; the adapter tests run it as a separate process, like a website. */
export function buildSandbox(): void {
  execFileSync(
    join(WORKSPACE_ROOT, 'node_modules/.bin/tsc'),
    ['-p', 'apps/provider-sandbox/tsconfig.app.json', '--outDir', SANDBOX_BUILD],
    { cwd: WORKSPACE_ROOT, stdio: 'inherit' },
  );
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

/** Starts the built Sandbox on a free port and waits until its control API answers. */
export async function startSandboxProcess(): Promise<RunningSandbox> {
  if (!existsSync(SANDBOX_MAIN)) {
    throw new Error(`${SANDBOX_MAIN} is missing; build the Sandbox first`);
  }

  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [SANDBOX_MAIN], {
    env: {
      ...process.env,
      SANDBOX_PORT: String(port),
      SANDBOX_HOST: '127.0.0.1',
      // The build lives outside the workspace; its dependencies are the workspace's.
      NODE_PATH: join(WORKSPACE_ROOT, 'node_modules'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const control = new SandboxControl(url);

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`The Sandbox exited with ${child.exitCode}: ${stderr}`);
    }
    const ready = await fetch(`${url}/__control/state`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) {
      break;
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The Sandbox did not answer within 20 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    control,
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
