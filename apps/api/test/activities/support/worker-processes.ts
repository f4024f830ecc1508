import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import type { WorkerProcessConfig } from './worker-process';

// The workspace's TypeScript loader for child processes (scripts/ts-register.cjs).
const REGISTER = join(__dirname, '../../../../../scripts/ts-register.cjs');
const ENTRY = join(__dirname, 'worker-process.ts');

/** Starts a worker process and resolves once it reports ready. */
export async function startWorkerProcess(
  config: WorkerProcessConfig,
  name: string,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', REGISTER, ENTRY], {
    env: {
      ...process.env,
      ACTIVITY_WORKER_CONFIG: JSON.stringify(config),
      ACTIVITY_WORKER_NAME: name,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });

  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        resolve();
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`worker ${name} exited with ${code}: ${errors}`)),
    );
  });

  return child;
}

/** SIGKILL: no shutdown hook runs, exactly like a crash or a power cut. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

export async function stopGently(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
