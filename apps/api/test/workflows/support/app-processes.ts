import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import type { AppConfig } from '../../../src/config/app-config';

export interface AppProcess {
  url: string;
  child: ChildProcess;
}

/**
 * Starts the app in its own process group (its browsers included) and resolves with its URL.
 * `killHard` then ends the whole group at once, like a power cut.
 */
export async function startAppProcess(
  dataDir: string,
  overrides: Partial<AppConfig>,
  env: Record<string, string> = {},
): Promise<AppProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      join(__dirname, '../../../../../scripts/ts-register.cjs'),
      join(__dirname, 'app-process.ts'),
    ],
    {
      env: { ...process.env, ...env, AUTOBUY_TEST_APP: JSON.stringify({ dataDir, overrides }) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });

  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /ready (\S+)/.exec(chunk.toString());
      if (match?.[1]) {
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the app exited with ${code}: ${errors}`)));
  });

  return { url, child };
}

/** Ends what is left of a process group whose leader already died (its browsers). */
export function killGroup(app: AppProcess): void {
  try {
    process.kill(-(app.child.pid ?? 0), 'SIGKILL');
  } catch {
    // Nothing was left.
  }
}

export async function killHard(app: AppProcess): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null || !app.child.pid) {
    return;
  }
  const exited = new Promise((resolve) => app.child.once('exit', resolve));
  process.kill(-app.child.pid, 'SIGKILL');
  await exited;
}

export async function stopGently(app: AppProcess): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null || !app.child.pid) {
    return;
  }
  const exited = new Promise((resolve) => app.child.once('exit', resolve));
  app.child.kill('SIGTERM');
  const timer = setTimeout(() => process.kill(-(app.child.pid ?? 0), 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
