// The scale-out topology of docker/compose.yml as local processes: the Sandbox, API processes
// (`--role=api`) and worker processes (`--role=worker`) on one PostgreSQL database and one Redis
// prefix. Used by `npm run topology` and by the fault harness (`npm run harness`).
// Every process runs in its own process group, so stopping or killing it also ends its Chromium.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from './free-port.mjs';
import { root, waitForHttp } from './run.mjs';
import { createTopologyDatabase, dropRedisPrefix } from './topology-stores.mjs';

const REGISTER = join(root, 'scripts/ts-register.cjs');
const API_MAIN = { source: 'apps/api/src/main.ts', dist: 'apps/api/dist/main.js' };
const SANDBOX_MAIN = {
  source: 'apps/provider-sandbox/src/main.ts',
  dist: 'apps/provider-sandbox/dist/main.js',
};
/** Lines of each process's output kept in memory (the whole output goes to its log file). */
const TAIL_LINES = 400;

/**
 * Starts the topology and resolves once every process is ready.
 * @param {object} [options]
 * @param {number} [options.apis] API processes (default 2)
 * @param {number} [options.workers] worker processes (default 2)
 * @param {string} [options.databaseUrl] use this database instead of a fresh one
 * @param {string} [options.redisUrl] default REDIS_URL or redis://127.0.0.1:6379
 * @param {boolean} [options.fromDist] run the built `dist/` instead of the sources
 * @param {Record<string, string>} [options.workerEnv] extra environment of the workers
 * @param {boolean} [options.restartCrashedWorkers] start a worker again when it dies on its own
 * @param {(line: string) => void} [options.log] progress lines (default: stderr)
 */
export async function startTopology(options = {}) {
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const runDir = mkdtempSync(join(tmpdir(), 'autobuy-topology-'));
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await createTopologyDatabase();
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `autobuy-topology-${Date.now()}-${randomBytes(3).toString('hex')}`;
  const adminPassword = process.env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  const main = (entry) => {
    const file = options.fromDist ? entry.dist : entry.source;

    return options.fromDist ? [join(root, file)] : ['-r', REGISTER, join(root, file)];
  };
  const children = [];

  const start = (name, args, env) => {
    const logFile = join(runDir, `${name}.log`);
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const proc = { name, child, logFile, tail: [], exited: null };
    const file = createWriteStream(logFile, { flags: 'a' });
    let partial = '';
    const onData = (chunk) => {
      file.write(chunk);
      partial += chunk.toString();
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      proc.tail.push(...lines);
      proc.tail.splice(0, Math.max(0, proc.tail.length - TAIL_LINES));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    proc.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        // Whatever it leaves behind (its Chromium) goes with it.
        killGroup(child, 'SIGKILL');
        file.end();
        resolve({ code, signal });
      }),
    );
    children.push(proc);

    return proc;
  };

  const waitForLine = async (proc, pattern, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!proc.tail.some((line) => pattern.test(line))) {
      if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
        throw new Error(`${proc.name} exited: ${proc.tail.slice(-20).join('\n')}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`${proc.name} did not start in time (log: ${proc.logFile})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const stopAll = async () => {
    await Promise.all(children.map((proc) => stopGently(proc)));
    await database.drop().catch((error) => log(`database not dropped: ${error.message}`));
    await dropRedisPrefix(redisUrl, redisPrefix).catch(() => undefined);
  };

  try {
    const sandboxPort = await freePort();
    const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    start('sandbox', main(SANDBOX_MAIN), { SANDBOX_PORT: String(sandboxPort) });
    await waitForHttp(`${sandboxUrl}/__control/state`);

    // The same variables as docker/compose.yml, plus what each process owns alone.
    const shared = {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      SANDBOX_URL: sandboxUrl,
      HOST: '127.0.0.1',
      VAULT_KEYS: randomBytes(32).toString('base64'),
      SECRET_KEY: randomBytes(32).toString('base64'),
      ADMIN_PASSWORD: adminPassword,
      CHROMIUM_PATH: chromium,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'log',
    };
    const dataDir = (name) => {
      const dir = join(runDir, `${name}-data`);
      mkdirSync(dir, { recursive: true });

      return dir;
    };

    const apis = [];
    const startApi = async (i) => {
      const port = await freePort();
      const name = `api-${i + 1}`;
      const proc = start(name, [...main(API_MAIN), '--role=api'], {
        ...shared,
        PORT: String(port),
        DATA_DIR: dataDir(name),
      });
      const url = `http://127.0.0.1:${port}`;
      await waitForLine(proc, /listens on/);
      await waitForHttp(`${url}/api/v1/health/ready`);
      apis[i] = { url, proc };
    };
    // The first API migrates the fresh database alone; the others start on the migrated one.
    await startApi(0);
    const apiCount = options.apis ?? 2;
    const others = Array.from({ length: apiCount - 1 }, (_, i) => startApi(i + 1));

    const workers = [];
    let crashes = 0;
    const startWorker = async (i) => {
      const name = `worker-${i + 1}`;
      const proc = start(name, [...main(API_MAIN), '--role=worker'], {
        ...shared,
        ...options.workerEnv,
        DATA_DIR: dataDir(name),
      });
      workers[i] = proc;
      void proc.exited.then(({ signal }) => {
        if (workers[i] !== proc || proc.stopping) {
          return;
        }
        crashes += 1;
        log(`${name} died (${signal ?? 'exit'})`);
        if (options.restartCrashedWorkers) {
          startWorker(i).catch((error) => log(`${name} did not restart: ${error.message}`));
        }
      });
      await waitForLine(proc, /Worker started/);
    };
    await Promise.all([
      ...others,
      ...Array.from({ length: options.workers ?? 2 }, (_, i) => startWorker(i)),
    ]);

    return {
      apis: apis.map(({ url }) => url),
      sandboxUrl,
      databaseUrl: database.url,
      redisPrefix,
      adminLogin: 'admin',
      adminPassword,
      /** The environment every API and worker shares (vault and secret keys included). */
      sharedEnv: shared,
      runDir,
      /** Worker processes that died without being asked to, since the start. */
      get workerCrashes() {
        return crashes;
      },
      /** Index of the running worker that last started or resumed the activity, or -1. */
      workerOf(activityId) {
        const running = (proc) => {
          const lines = proc.tail.filter((line) => line.includes(`Activity ${activityId} `));
          const last = lines.at(-1) ?? '';

          return / (started|resumed after an interruption) at step /.test(last);
        };

        return workers.findIndex(
          (proc) => proc.child.exitCode === null && proc.child.signalCode === null && running(proc),
        );
      },
      async killWorker(i) {
        const proc = workers[i];
        proc.stopping = true;
        killGroup(proc.child, 'SIGKILL');
        await proc.exited;
      },
      async restartWorker(i) {
        const proc = workers[i];
        proc.stopping = true;
        await stopGently(proc);
        await startWorker(i);
      },
      async waitForWorkers() {
        for (let i = 0; i < workers.length; i++) {
          await waitForLine(workers[i], /Worker started/);
        }
      },
      /** Stops everything; the process logs stay in `runDir` with `keepLogs`. */
      async stop({ keepLogs = false } = {}) {
        for (const proc of workers) proc.stopping = true;
        await stopAll();
        if (!keepLogs) rmSync(runDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const proc of children) proc.stopping = true;
    await stopAll();
    throw new Error(`${error.message} (logs kept in ${runDir})`);
  }
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function stopGently(proc) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
    killGroup(proc.child, 'SIGKILL');

    return;
  }
  killGroup(proc.child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(proc.child, 'SIGKILL'), 10_000);
  await proc.exited;
  clearTimeout(timer);
}
