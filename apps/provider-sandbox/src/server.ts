import type { AddressInfo } from 'node:net';

import { createSandboxApp } from './app';
import { SandboxRuntime } from './http/runtime';

export interface SandboxOptions {
  port?: number;
  host?: string;
  seed?: number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  runtime: SandboxRuntime;
  close(): Promise<void>;
}

// Starts the Sandbox in this process; port 0 picks a free port. Tests and other projects'
// harnesses use this, `main.ts` is only a thin command line around it.
export function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const runtime = new SandboxRuntime(options.seed ?? 1);
  const app = createSandboxApp(runtime);
  const host = options.host ?? '127.0.0.1';

  return new Promise((resolve, reject) => {
    const server = app.listen(options.port ?? 3100, host, (error?: Error) => {
      if (error) {
        reject(error);

        return;
      }
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${port}`,
        port,
        runtime,
        close: () =>
          new Promise<void>((done) => {
            runtime.releaseHeld();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
    server.on('error', reject);
  });
}
