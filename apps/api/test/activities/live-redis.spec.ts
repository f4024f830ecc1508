import './support/quiet-logs';

import { type ActivityUpdateMessage, LIVE_EVENTS } from '@autobuy/contracts';
import type { Socket } from 'socket.io-client';

import { createActivitiesEngine } from '../../src/activities';
import { WorkerRelay } from '../../src/activities/live/worker-relay';
import { InProcessQueue } from '../../src/activities/queue/in-process-queue';
import { Harness, newAccountId } from './support/harness';
import { collectEvents, connectClient, connected, subscribe } from './support/live-client';
import { describeWith } from './support/services';
import { createSqliteDatabase, REDIS_URL } from './support/test-database';
import { startTestApp, type TestApp } from './support/test-app';
import { TEST_HANDLERS, TEST_KINDS } from './support/test-handlers';
import { waitFor } from './support/wait-for';

describeWith(['redis'], 'live channel across instances (Redis adapter)', () => {
  let harness: Harness;
  let first: TestApp;
  let second: TestApp;
  const sockets: Socket[] = [];

  beforeEach(async () => {
    harness = new Harness(await createSqliteDatabase(), {
      name: 'in-process',
      create: () => new InProcessQueue(),
    });
    // Two API instances on one database, as behind a load balancer.
    first = await startTestApp(harness.db.dataSource, { role: 'api', redisUrl: REDIS_URL });
    second = await startTestApp(harness.db.dataSource, { role: 'api', redisUrl: REDIS_URL });
  });

  afterEach(async () => {
    for (const socket of sockets.splice(0)) {
      socket.disconnect();
    }
    await first.app.close();
    await second.app.close();
    await harness.close();
  });

  const clientOf = async (app: TestApp): Promise<Socket> => {
    const socket = connectClient(app.url);
    sockets.push(socket);
    await connected(socket);

    return socket;
  };

  it('should deliver an event written on one instance to a client of the other', async () => {
    const accountId = newAccountId();
    const activity = await first.engine.store.create({
      kind: 'test.steps',
      accountId,
      summary: 'seen from the other instance',
    });
    const socket = await clientOf(second);
    const events = collectEvents(socket);
    const updates: ActivityUpdateMessage[] = [];
    socket.on(LIVE_EVENTS.activityUpdate, (update: ActivityUpdateMessage) => updates.push(update));
    await subscribe(socket, { activityId: activity.id, afterSeq: 1 });
    await subscribe(socket, { accountId });

    await first.engine.events.append(activity, {
      type: 'log',
      level: 'info',
      message: 'written on the first instance',
    });

    await waitFor('the event on the second instance', () => events.length === 1);
    expect(events[0]).toMatchObject({ seq: 2, message: 'written on the first instance' });
    await waitFor('the account update', () => updates.length === 1);
    expect(updates[0]!.activity).toMatchObject({ id: activity.id, accountId });
  });

  it('should run an activity queued on an API instance in a worker, live on the other instance', async () => {
    const queuePrefix = `test-roles-${Date.now()}`;
    const api = await startTestApp(harness.db.dataSource, {
      role: 'api',
      redisUrl: REDIS_URL,
      queuePrefix,
    });
    const worker = await startTestApp(harness.db.dataSource, {
      role: 'worker',
      redisUrl: REDIS_URL,
      queuePrefix,
    });
    try {
      const accountId = newAccountId();
      const socket = await clientOf(second);
      const updates: ActivityUpdateMessage[] = [];
      socket.on(LIVE_EVENTS.activityUpdate, (update: ActivityUpdateMessage) =>
        updates.push(update),
      );
      await subscribe(socket, { accountId });

      const started = await api.engine.service.start({
        kind: 'test.steps',
        accountId,
        summary: 'queued on the API, run by the worker',
        input: harness.input(),
      });
      await harness.until(api.engine, started.id, ['succeeded']);

      expect(harness.traceOf(started.id)).toEqual(['a', 'b', 'c']);
      expect(api.engine.metrics.snapshot().outcomes).toEqual({});
      expect(worker.engine.metrics.snapshot().outcomes['test.steps']).toEqual({ succeeded: 1 });
      await waitFor('the final state on the other instance', () =>
        updates.some((update) => update.event.data?.state === 'succeeded'),
      );
    } finally {
      await worker.app.close();
      await api.app.close();
    }
  });

  it('should carry events from a worker process that serves no sockets', async () => {
    const worker = createActivitiesEngine(harness.db.dataSource, {
      handlers: TEST_HANDLERS,
      requiredKinds: TEST_KINDS,
      driver: new InProcessQueue(),
      sweepIntervalMs: 0,
    });
    const relay = new WorkerRelay(worker, REDIS_URL);
    await relay.start();
    try {
      const activity = await worker.store.create({ kind: 'test.steps', summary: 'from a worker' });
      const socket = await clientOf(second);
      const events = collectEvents(socket);
      await subscribe(socket, { activityId: activity.id, afterSeq: 0 });

      await worker.events.append(activity, { type: 'log', level: 'info', message: 'worked' });

      await waitFor('the worker event', () => events.length === 2);
      expect(events.map((event) => event.message)).toEqual(['Queued: from a worker', 'worked']);

      // The login popup's path: input from a client's instance to the worker, frames back.
      const notices: unknown[] = [];
      socket.on('test.frame', (payload: unknown) => notices.push(payload));
      worker.live.onServerMessage('test.input', (payload) =>
        worker.live.toOperators('test.frame', { answering: payload }),
      );
      second.engine.live.toServers('test.input', { key: 'a' });
      await waitFor('the frame from the worker', () => notices.length === 1);
      expect(notices).toEqual([{ answering: { key: 'a' } }]);
    } finally {
      await relay.stop();
    }
  });
});
