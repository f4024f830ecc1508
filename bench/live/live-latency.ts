// Latency of the live channel: from an activity event being written (the append call) to its
// arrival at each of 200 connected Socket.IO clients, on one instance and across two (Redis).
//
//   node -r ./scripts/ts-register.cjs bench/live/live-latency.ts
//
// Last line: p50_ms=<n> p95_ms=<n> p95_two_instances_ms=<n>
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { Logger } from '@nestjs/common';
import { type ActivityEventDto, LIVE_EVENTS, LIVE_SOCKET_PATH } from '@autobuy/contracts';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';

import {
  ACTIVITY_ENTITIES,
  ACTIVITY_MIGRATIONS,
  type ActivitiesEngine,
  createActivitiesEngine,
  defineHandler,
  finish,
} from '../../apps/api/src/activities';
import { LiveHub } from '../../apps/api/src/activities/live/live-hub';
import { attachRedisAdapter } from '../../apps/api/src/activities/live/redis-adapter';
import { InProcessQueue } from '../../apps/api/src/activities/queue/in-process-queue';

const CLIENTS = 200;
const EVENTS = 100;
const GAP_MS = 20;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ORIGIN = 'http://bench.local';
const TOKEN = 'bench';

Logger.overrideLogger(['error']);

interface Instance {
  engine: ActivitiesEngine;
  http: HttpServer;
  io: Server;
  url: string;
  close(): Promise<void>;
}

async function openDatabase(file: string): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: file,
    enableWAL: true,
    entities: ACTIVITY_ENTITIES,
    migrations: ACTIVITY_MIGRATIONS,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();

  return dataSource;
}

async function startInstance(dataSource: DataSource, redis: boolean): Promise<Instance> {
  const engine = createActivitiesEngine(dataSource, {
    handlers: [
      defineHandler({
        kind: 'bench',
        firstStep: 'only',
        initialState: () => ({}),
        steps: { only: async () => finish('succeeded') },
      }),
    ],
    requiredKinds: ['bench'],
    driver: new InProcessQueue(),
    sweepIntervalMs: 0,
  });
  const http = createServer();
  const server = new Server(http, { path: LIVE_SOCKET_PATH, serveClient: false });
  const detach = redis ? await attachRedisAdapter(server, REDIS_URL, 'autobuy-bench') : null;
  const hub = new LiveHub(
    server,
    engine.bus,
    engine.events,
    engine.store,
    engine.live,
    {
      authenticate: async (handshake) =>
        handshake.auth.token === TOKEN ? { operatorId: 'b' } : null,
    },
    { allowedOrigins: [ORIGIN], relay: redis },
  );
  hub.attach();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as { port: number };

  return {
    engine,
    http,
    io: server,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      hub.detach();
      await server.close();
      await detach?.();
    },
  };
}

const now = (): number => performance.timeOrigin + performance.now();

/**
 * The clients live in their own process, as browsers would, so their parsing does not slow the
 * servers down. Each event carries the moment its write began; the clients report
 * `arrival - writtenAt` (both clocks are the machine's clock).
 */
async function runClients(url: string, activityId: string, expected: number): Promise<void> {
  const samples: number[] = [];
  const sockets: Socket[] = [];
  let remaining = expected * CLIENTS;
  for (let index = 0; index < CLIENTS; index += 1) {
    const socket = io(url, {
      path: LIVE_SOCKET_PATH,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token: TOKEN },
      extraHeaders: { origin: ORIGIN },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.on(LIVE_EVENTS.activityEvent, (event: ActivityEventDto) => {
      samples.push(now() - Number(event.data?.writtenAt));
      remaining -= 1;
      if (remaining === 0) {
        process.send?.({ type: 'samples', samples }, () => process.exit(0));
      }
    });
    await socket.emitWithAck(LIVE_EVENTS.subscribe, { activityId, afterSeq: 1 });
    sockets.push(socket);
  }
  process.send?.({ type: 'ready' });
}

function startClients(
  url: string,
  activityId: string,
): { ready: Promise<void>; samples: Promise<number[]> } {
  const child = fork(__filename, ['clients', url, activityId, String(EVENTS)], {
    execArgv: process.execArgv,
  });
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const samples = new Promise<number[]>((resolve, reject) => {
    child.on('message', (message: { type: string; samples?: number[] }) => {
      if (message.type === 'ready') {
        ready();
      } else if (message.type === 'samples') {
        resolve(message.samples ?? []);
      }
    });
    child.once('exit', (code) => reject(new Error(`the clients process exited with ${code}`)));
  });

  return { ready: readyPromise, samples };
}

async function measure(writer: Instance, reader: Instance): Promise<number[]> {
  const activity = await writer.engine.store.create({ kind: 'bench', summary: 'latency' });
  const clients = startClients(reader.url, activity.id);
  await clients.ready;

  for (let index = 0; index < EVENTS; index += 1) {
    await writer.engine.events.append(activity, {
      type: 'log',
      level: 'info',
      message: `event ${index}`,
      data: { writtenAt: now() },
    });
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  }

  return Promise.race([
    clients.samples,
    new Promise<number[]>((_, reject) =>
      setTimeout(() => reject(new Error('not every delivery arrived within 30 s')), 30_000),
    ),
  ]);
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);

  return Math.round((sorted[index] ?? Number.NaN) * 10) / 10;
}

async function redisAvailable(): Promise<boolean> {
  const { default: IORedis } = await import('ioredis');
  const client = new IORedis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    await client.ping();

    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-live-'));
  const dataSource = await openDatabase(join(dir, 'bench.sqlite'));
  try {
    const single = await startInstance(dataSource, false);
    const one = await measure(single, single);
    await single.close();
    console.log(
      `one instance: ${CLIENTS} clients × ${EVENTS} events: p50 ${percentile(one, 50)} ms, p95 ${percentile(one, 95)} ms`,
    );

    let twoP95 = 'n/a';
    if (await redisAvailable()) {
      const first = await startInstance(dataSource, true);
      const second = await startInstance(dataSource, true);
      const two = await measure(first, second);
      await first.close();
      await second.close();
      twoP95 = String(percentile(two, 95));
      console.log(
        `two instances (written on one, clients on the other, Redis): p50 ${percentile(two, 50)} ms, p95 ${twoP95} ms`,
      );
    } else {
      console.log(`two instances: skipped, Redis at ${REDIS_URL} did not answer`);
    }

    console.log(
      `p50_ms=${percentile(one, 50)} p95_ms=${percentile(one, 95)} p95_two_instances_ms=${twoP95}`,
    );
  } finally {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'clients') {
  const [, , , url, activityId, expected] = process.argv;
  runClients(String(url), String(activityId), Number(expected)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
