import './support/quiet-logs';

import { type ActivityChangedMessage, LIVE_EVENTS } from '@autobuy/contracts';
import type { Socket } from 'socket.io-client';

import { InProcessQueue } from '../../src/activities/queue/in-process-queue';
import { Harness } from './support/harness';
import { connectClient, connected, subscribe } from './support/live-client';
import { createSqliteDatabase } from './support/test-database';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

describe('live channel: the room of every activity', () => {
  let harness: Harness;
  let testApp: TestApp;
  const sockets: Socket[] = [];

  beforeEach(async () => {
    harness = new Harness(await createSqliteDatabase(), {
      name: 'in-process',
      create: () => new InProcessQueue(),
    });
    testApp = await startTestApp(harness.db.dataSource);
  });

  afterEach(async () => {
    for (const socket of sockets.splice(0)) {
      socket.disconnect();
    }
    harness.openGate('ALL');
    await testApp.app.close();
    await harness.close();
  });

  const listener = async (): Promise<{ socket: Socket; changes: ActivityChangedMessage[] }> => {
    const socket = connectClient(testApp.url);
    sockets.push(socket);
    await connected(socket);
    const changes: ActivityChangedMessage[] = [];
    socket.on(LIVE_EVENTS.activityChanged, (change: ActivityChangedMessage) =>
      changes.push(change),
    );

    return { socket, changes };
  };

  it('should tell every subscribed operator when any activity is created or changes state', async () => {
    const watcher = await listener();
    const bystander = await listener();
    expect(await subscribe(watcher.socket, { activities: true })).toEqual({ ok: true });

    // No order and no account: no other room would carry it.
    const started = await testApp.engine.service.start({
      kind: 'test.ask',
      summary: 'started by someone else',
      input: harness.input(),
    });
    await harness.until(testApp.engine, started.id, ['waiting_for_operator']);
    await testApp.engine.events.append(await testApp.engine.store.get(started.id), {
      type: 'log',
      level: 'info',
      message: 'a log line is not a state change',
    });
    const question = (await testApp.engine.service.detail(started.id)).openQuestion!;
    await testApp.engine.service.answer(started.id, question.id, 'abort', 'operator:anna');
    await harness.until(testApp.engine, started.id, ['aborted']);

    await waitFor('the final state', () =>
      watcher.changes.some((change) => change.activity.state === 'aborted'),
    );
    const states = watcher.changes.map((change) => change.event.data?.state);
    expect(states.slice(0, 3)).toEqual(['queued', 'running', 'waiting_for_operator']);
    expect(states.at(-1)).toBe('aborted');
    expect(watcher.changes.every((change) => change.event.type === 'state')).toBe(true);
    expect(watcher.changes.every((change) => change.activity.id === started.id)).toBe(true);
    const seqs = watcher.changes.map((change) => change.event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(bystander.changes).toEqual([]);
  });

  it('should stop telling an operator who left the room', async () => {
    const watcher = await listener();
    await subscribe(watcher.socket, { activities: true });
    const first = await testApp.engine.store.create({ kind: 'test.steps', summary: 'first' });
    await waitFor('the first creation', () => watcher.changes.length === 1);
    expect(watcher.changes[0]!.activity).toMatchObject({ id: first.id, state: 'queued' });

    const left = (await watcher.socket
      .timeout(10_000)
      .emitWithAck(LIVE_EVENTS.unsubscribe, { activities: true })) as { ok: boolean };
    expect(left.ok).toBe(true);
    await testApp.engine.store.create({ kind: 'test.steps', summary: 'second' });
    // A marker on the same socket proves the channel delivered everything written before it.
    const marker = await testApp.engine.store.create({ kind: 'test.steps', summary: 'marker' });
    await subscribe(watcher.socket, { activityId: marker.id, afterSeq: 0 });

    expect(watcher.changes.map((change) => change.activity.id)).toEqual([first.id]);
  });
});
