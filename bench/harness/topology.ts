// Typed access to `scripts/lib/topology.mjs` from the TypeScript harness.
import { join } from 'node:path';

export interface Topology {
  apis: string[];
  sandboxUrl: string;
  databaseUrl: string;
  redisPrefix: string;
  adminLogin: string;
  adminPassword: string;
  runDir: string;
  sharedEnv: Record<string, string>;
  readonly workerCrashes: number;
  workerOf(activityId: string): number;
  killWorker(index: number): Promise<void>;
  restartWorker(index: number): Promise<void>;
  waitForWorkers(): Promise<void>;
  stop(options?: { keepLogs?: boolean }): Promise<void>;
}

export interface TopologyOptions {
  apis?: number;
  workers?: number;
  workerEnv?: Record<string, string>;
  restartCrashedWorkers?: boolean;
  log?: (line: string) => void;
}

// The harness is compiled to CommonJS, which turns `import()` into `require()`; Node 20 cannot
// require an ES module, so the dynamic import is kept out of the compiler's sight.
const importModule = new Function('path', 'return import(path)') as (
  path: string,
) => Promise<{ startTopology(options: TopologyOptions): Promise<Topology> }>;

export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const module = await importModule(join(__dirname, '../../scripts/lib/topology.mjs'));

  return module.startTopology(options);
}
