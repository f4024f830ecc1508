import './support/quiet-logs';

import { type ActivityUpdateMessage, LIVE_EVENTS, LIVE_REFUSALS } from '@autobuy/contracts';
import type { Socket } from 'socket.io-client';

import { OPERATORS_ROOM } from '../../src/activities';
import { InProcessQueue } from '../../src/activities/queue/in-process-queue';
import { Harness, newAccountId } from './support/harness';
import { collectEvents, connectClient, connected, refusal, subscribe } from './support/live-client';
import { createSqliteDatabase } from './support/test-database';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

describe('live channel (Socket.IO)', () => {
  let harness: Harness;
  let testApp: TestApp;
  const sockets: Socket[] = [];
  const client = (options?: Parameters<typeof connectClient>[1]): Socket => {
    const socket = connectClient(testApp.url, options);
    sockets.push(socket);

    return socket;
  };

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

  const log = (activityId: string, message: string) =>
    testApp.engine.store
      .get(activityId)
      .then((activity) =>
        testApp.engine.events.append(activity, { type: 'log', level: 'info', message }),
      );

  it('should refuse a handshake without a session', async () => {
    expect(await refusal(client({ token: '' }))).toBe(LIVE_REFUSALS.unauthenticated);
    expect(await refusal(client({ token: 'stolen-or-expired' }))).toBe(
      LIVE_REFUSALS.unauthenticated,
    );
  });

  it('should refuse a handshake from an origin that is not allowed', async () => {
    expect(await refusal(client({ origin: 'http://evil.test' }))).toBe(
      LIVE_REFUSALS.originNotAllowed,
    );
  });

  it('should admit the admin page served by the API itself (same origin)', async () => {
    const socket = client({ origin: testApp.url });

    await connected(socket);
    expect(socket.connected).toBe(true);
  });

  it('should let other modules handle their own messages and emit to operators and rooms', async () => {
    testApp.engine.live.onSocket((socket, identity) => {
      socket.on('test.echo', (text: string, ack: (answer: string) => void) =>
        ack(`${identity.operatorId}: ${text}`),
      );
    });
    const socket = client();
    await connected(socket);
    const received: unknown[] = [];
    socket.on('test.notice', (payload: unknown) => received.push(payload));

    expect(await socket.emitWithAck('test.echo', '你好')).toBe('operator-anna: 你好');
    testApp.engine.live.toOperators('test.notice', { to: 'everyone' });
    testApp.engine.live.toRoom('order:not-joined', 'test.notice', { to: 'nobody here' });
    testApp.engine.live.toRoom(OPERATORS_ROOM, 'test.notice', { to: 'everyone again' });

    await waitFor('both notices', () => received.length === 2);
    expect(received).toEqual([{ to: 'everyone' }, { to: 'everyone again' }]);
  });

  it('should refuse a subscription to an unknown activity or a malformed topic', async () => {
    const socket = client();
    await connected(socket);

    expect(await subscribe(socket, { activityId: 'no-such-activity' })).toMatchObject({
      ok: false,
      code: 'activity_not_found',
    });
    expect(await subscribe(socket, { nonsense: true } as never)).toMatchObject({
      ok: false,
      code: 'invalid_topic',
    });
  });

  it('should replay what a reconnecting client missed, with no gap and no duplicate', async () => {
    const activity = await testApp.engine.store.create({ kind: 'test.steps', summary: 'live' });
    const first = client();
    await connected(first);
    const firstEvents = collectEvents(first);
    expect(await subscribe(first, { activityId: activity.id, afterSeq: 0 })).toEqual({
      ok: true,
      lastSeq: 1,
    });
    await log(activity.id, 'one');
    await waitFor('the live event', () => firstEvents.length === 2);
    first.disconnect();

    // Missed while away, then written while the new subscription replays.
    for (let index = 0; index < 5; index += 1) {
      await log(activity.id, `missed ${index}`);
    }
    const second = client();
    await connected(second);
    const secondEvents = collectEvents(second);
    const lastSeen = firstEvents[firstEvents.length - 1]!.seq;
    const racing = Array.from({ length: 10 }, (_, index) => log(activity.id, `racing ${index}`));
    const ack = await subscribe(second, { activityId: activity.id, afterSeq: lastSeen });
    await Promise.all(racing);
    await log(activity.id, 'after');

    expect(ack.ok).toBe(true);
    // 'after' is written last, so anything sent twice would have arrived before it.
    await waitFor('the last event', () => secondEvents.some((event) => event.message === 'after'));
    const seqs = [...firstEvents, ...secondEvents].map((event) => event.seq);
    expect(seqs).toEqual(Array.from({ length: 18 }, (_, index) => index + 1));
    expect(secondEvents.map((event) => event.message)).toEqual(
      expect.arrayContaining(['missed 0', 'missed 4', 'racing 9', 'after']),
    );
  });

  it('should deliver updates to order and account rooms and the attention count', async () => {
    const accountId = newAccountId();
    const orderId = newAccountId();
    const socket = client();
    await connected(socket);
    const updates: ActivityUpdateMessage[] = [];
    const counts: number[] = [];
    socket.on(LIVE_EVENTS.activityUpdate, (update: ActivityUpdateMessage) => updates.push(update));
    socket.on(LIVE_EVENTS.attentionCount, ({ count }: { count: number }) => counts.push(count));
    expect(await subscribe(socket, { accountId })).toEqual({ ok: true });
    expect(await subscribe(socket, { attention: true })).toEqual({ ok: true });
    await waitFor('the current count', () => counts.length === 1);

    const started = await testApp.engine.service.start({
      kind: 'test.ask',
      accountId,
      orderId,
      summary: 'needs an answer',
      input: harness.input(),
    });
    await harness.until(testApp.engine, started.id, ['waiting_for_operator']);

    await waitFor('the attention count to rise', () => counts.includes(1));
    expect(counts[0]).toBe(0);
    await waitFor('the question to reach the account room', () =>
      updates.some((update) => update.event.type === 'question'),
    );
    expect(updates.every((update) => update.activity.accountId === accountId)).toBe(true);

    const question = (await testApp.engine.service.detail(started.id)).openQuestion!;
    await testApp.engine.service.answer(started.id, question.id, 'abort', 'operator:anna');
    await waitFor('the attention count to fall', () => counts[counts.length - 1] === 0);
  });
});
