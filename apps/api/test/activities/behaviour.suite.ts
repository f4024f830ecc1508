import { ActivityError, ActivityErrorCode } from '../../src/activities';
import { type DriverFactory, Harness, newAccountId } from './support/harness';
import type { TestDatabase } from './support/test-database';
import { waitFor } from './support/wait-for';

export interface BehaviourSetup {
  createDatabase(): Promise<TestDatabase>;
  drivers: DriverFactory;
}

function expectActivityError(code: ActivityErrorCode) {
  return expect.objectContaining({ code, constructor: ActivityError });
}

/** The same behaviour, whichever database and queue driver carry it. */
export function describeActivityBehaviour(setup: () => BehaviourSetup): void {
  let harness: Harness;

  beforeEach(async () => {
    const { createDatabase, drivers } = setup();
    harness = new Harness(await createDatabase(), drivers);
  });

  afterEach(async () => {
    await harness.close();
  });

  it('should run every step once, in order, and end succeeded with gap-free events', async () => {
    const engine = await harness.engine();

    const started = await engine.service.start({
      kind: 'test.steps',
      summary: 'Reserve 2 items of order 1001',
      input: harness.input(),
    });
    await harness.until(engine, started.id, ['succeeded']);

    expect(harness.traceOf(started.id)).toEqual(['a', 'b', 'c']);
    const detail = await engine.service.detail(started.id);
    expect(detail.counters).toEqual({ linesFound: 2 });
    expect(detail.itemStates).toEqual({ 'item-1': { state: 'reserved' } });
    expect(detail.startedAt).not.toBeNull();
    expect(detail.finishedAt).not.toBeNull();
    const events = await engine.service.eventsAfter(started.id, 0);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(detail.lastSeq).toBe(events.length);
    expect(events.map((event) => event.message)).toEqual(
      expect.arrayContaining(['Half way', 'Found 2 order lines', 'Item item-1: reserved']),
    );
    expect(engine.metrics.snapshot().outcomes['test.steps']).toEqual({ succeeded: 1 });
  });

  it('should wait for the operator and continue with the answer', async () => {
    const engine = await harness.engine();

    const started = await engine.service.start({
      kind: 'test.ask',
      summary: 'Price check',
      input: harness.input(),
    });
    await harness.until(engine, started.id, ['waiting_for_operator']);
    const waiting = await engine.service.detail(started.id);
    expect(waiting.openQuestion).toMatchObject({
      prompt: 'The price changed from 12.00 to 13.50',
      context: { oldPrice: '12.00', newPrice: '13.50' },
      defaultChoice: 'abort',
      choice: null,
    });

    const question = waiting.openQuestion!;
    await engine.service.answer(started.id, question.id, 'skip_item', 'operator:anna');
    await harness.until(engine, started.id, ['partly_succeeded']);

    expect(harness.traceOf(started.id)).toEqual(['check', 'apply skip_item']);
    const done = await engine.service.detail(started.id);
    expect(done.questions[0]).toMatchObject({
      choice: 'skip_item',
      answeredBy: 'operator:anna',
      answeredByDefault: false,
    });
    expect(done.openQuestion).toBeNull();
  });

  it('should refuse a second answer and an option that was not offered, losing nothing', async () => {
    const engine = await harness.engine();
    const started = await engine.service.start({
      kind: 'test.ask',
      summary: 'Price check',
      input: harness.input(),
    });
    await harness.until(engine, started.id, ['waiting_for_operator']);
    const question = (await engine.service.detail(started.id)).openQuestion!;

    await expect(
      engine.service.answer(started.id, question.id, 'buy_anyway', 'operator:anna'),
    ).rejects.toEqual(expectActivityError(ActivityErrorCode.InvalidChoice));
    expect((await engine.service.detail(started.id)).openQuestion?.id).toBe(question.id);

    await engine.service.answer(started.id, question.id, 'cancel_item', 'operator:anna');
    await expect(
      engine.service.answer(started.id, question.id, 'abort', 'operator:boris'),
    ).rejects.toEqual(expectActivityError(ActivityErrorCode.QuestionAlreadyAnswered));
    await harness.until(engine, started.id, ['succeeded']);

    const done = await engine.service.detail(started.id);
    expect(done.questions).toHaveLength(1);
    expect(done.questions[0]).toMatchObject({ choice: 'cancel_item', answeredBy: 'operator:anna' });
  });

  it('should let exactly one of two operators answering at once win', async () => {
    const engine = await harness.engine();
    const started = await engine.service.start({
      kind: 'test.ask',
      summary: 'Price check',
      input: harness.input(),
    });
    await harness.until(engine, started.id, ['waiting_for_operator']);
    const question = (await engine.service.detail(started.id)).openQuestion!;

    const results = await Promise.allSettled([
      engine.service.answer(started.id, question.id, 'skip_item', 'operator:anna'),
      engine.service.answer(started.id, question.id, 'abort', 'operator:boris'),
    ]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.reason).toEqual(
      expect.objectContaining({
        code: expect.stringMatching(/^(question_already_answered|not_waiting_for_operator)$/),
      }),
    );
    await harness.until(engine, started.id, ['partly_succeeded', 'aborted']);
    const answers = (await engine.service.eventsAfter(started.id, 0)).filter(
      (event) => event.type === 'answer',
    );
    expect(answers).toHaveLength(1);
  });

  it('should number events of concurrent writers 1..n without gaps or repeats', async () => {
    const engine = await harness.engine(false);
    const activity = await engine.store.create({ kind: 'test.steps', summary: 'busy log' });

    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        engine.events.append(activity, { type: 'log', level: 'info', message: `line ${index}` }),
      ),
    );

    const seqs = (await engine.service.eventsAfter(activity.id, 0)).map((event) => event.seq);
    expect(seqs).toEqual(Array.from({ length: 21 }, (_, index) => index + 1));
    expect((await engine.store.get(activity.id)).lastSeq).toBe(21);
  });

  it('should take the declared default when the deadline passes and say so', async () => {
    const engine = await harness.engine();
    const started = await engine.service.start({
      kind: 'test.ask',
      summary: 'Price check',
      input: harness.input({ deadlineMs: 60_000 }),
    });
    await harness.until(engine, started.id, ['waiting_for_operator']);

    expect(await engine.sweeper.sweep(Date.now())).toBe(0);
    expect(await engine.sweeper.sweep(Date.now() + 60_001)).toBe(1);
    await harness.until(engine, started.id, ['aborted']);

    const done = await engine.service.detail(started.id);
    expect(done.reason).toBe('No answer in time');
    expect(done.questions[0]).toMatchObject({ choice: 'abort', answeredByDefault: true });
    const messages = (await engine.service.eventsAfter(started.id, 0)).map(
      (event) => event.message,
    );
    expect(messages).toContain('No answer before the deadline; took the default "Abort"');
  });

  it('should cancel a queued activity at once and a running one at its next step', async () => {
    const engine = await harness.engine(false);
    const queued = await engine.service.start({
      kind: 'test.steps',
      summary: 'never runs',
      input: harness.input(),
    });
    await engine.service.cancel(queued.id, 'operator:anna');
    await engine.worker.start();

    const running = await engine.service.start({
      kind: 'test.gate',
      summary: 'held at the gate',
      input: harness.input(),
    });
    await waitFor('the gate step', () => harness.traceOf(running.id).includes('enter '));
    const requested = await engine.service.cancel(running.id, 'operator:anna');
    expect(requested).toMatchObject({ state: 'running', cancelRequested: true });
    harness.openGate(running.id);
    await harness.until(engine, running.id, ['cancelled']);

    expect((await engine.store.get(queued.id)).state).toBe('cancelled');
    expect(harness.traceOf(queued.id)).toEqual([]);
    expect(harness.traceOf(running.id)).toEqual(['before', 'enter ', 'leave ']);
    await expect(engine.service.cancel(running.id, 'operator:anna')).rejects.toEqual(
      expectActivityError(ActivityErrorCode.AlreadyFinished),
    );
  });

  it('should cancel a waiting activity for good: no answer or deadline revives it', async () => {
    const engine = await harness.engine();
    const started = await engine.service.start({
      kind: 'test.ask',
      summary: 'Price check',
      input: harness.input({ deadlineMs: 1_000 }),
    });
    await harness.until(engine, started.id, ['waiting_for_operator']);
    const question = (await engine.service.detail(started.id)).openQuestion!;

    await engine.service.cancel(started.id, 'operator:anna');
    await expect(
      engine.service.answer(started.id, question.id, 'skip_item', 'operator:anna'),
    ).rejects.toEqual(expectActivityError(ActivityErrorCode.NotWaitingForOperator));
    await engine.sweeper.sweep(Date.now() + 2_000);

    const done = await engine.service.detail(started.id);
    expect(done).toMatchObject({ state: 'cancelled', openQuestion: null });
    expect(harness.traceOf(started.id)).toEqual(['check']);
    const messages = (await engine.service.eventsAfter(started.id, 0)).map(
      (event) => event.message,
    );
    expect(messages).not.toContain('No answer before the deadline; took the default "Abort"');
  });

  it('should retry a failed activity from the step that failed, keeping its state', async () => {
    const engine = await harness.engine();
    const started = await engine.service.start({
      kind: 'test.flaky',
      summary: 'flaky provider',
      input: harness.input(),
    });
    await harness.until(engine, started.id, ['failed']);
    const failed = await engine.service.detail(started.id);
    expect(failed).toMatchObject({ failedStep: 'two', reason: 'The provider did not answer' });

    await engine.service.retry(started.id, 'operator:anna');
    await harness.until(engine, started.id, ['succeeded']);

    expect(harness.traceOf(started.id)).toEqual([
      'one',
      'two kept attempt 1',
      'two kept attempt 2',
    ]);
    await expect(engine.service.retry(started.id, 'operator:anna')).rejects.toEqual(
      expectActivityError(ActivityErrorCode.NotRetryable),
    );
  });

  it('should continue after a restart while waiting for an answer', async () => {
    const before = await harness.engine();
    const started = await before.service.start({
      kind: 'test.ask',
      summary: 'Price check',
      input: harness.input(),
    });
    await harness.until(before, started.id, ['waiting_for_operator']);
    await harness.stopEngine(before);

    const after = await harness.engine();
    const question = (await after.service.detail(started.id)).openQuestion!;
    await after.service.answer(started.id, question.id, 'cancel_item', 'operator:anna');
    await harness.until(after, started.id, ['succeeded']);

    expect(harness.traceOf(started.id)).toEqual(['check', 'apply cancel_item']);
  });

  it('should pick up an answer given just before a crash when the worker boots', async () => {
    const before = await harness.engine();
    const started = await before.service.start({
      kind: 'test.ask',
      summary: 'Price check',
      input: harness.input(),
    });
    await harness.until(before, started.id, ['waiting_for_operator']);
    await harness.stopEngine(before);
    // The answer row is written, but the process died before it queued the activity again.
    const question = (await before.service.detail(started.id)).openQuestion!;
    await before.questions.answerOnce(question.id, 'skip_item', 'operator:anna', false);

    const after = await harness.engine();
    await harness.until(after, started.id, ['partly_succeeded']);

    expect(harness.traceOf(started.id)).toEqual(['check', 'apply skip_item']);
  });

  it('should run one activity per account at a time and other accounts meanwhile', async () => {
    const engine = await harness.engine();
    const busyAccount = newAccountId();
    const first = await engine.service.start({
      kind: 'test.gate',
      accountId: busyAccount,
      summary: 'first on the account',
      input: harness.input({ gate: 'first' }),
    });
    await waitFor('the first to hold the account', () =>
      harness.traceOf(first.id).includes('enter '),
    );
    const second = await engine.service.start({
      kind: 'test.steps',
      accountId: busyAccount,
      summary: 'second on the account',
      input: harness.input(),
    });
    const other = await engine.service.start({
      kind: 'test.steps',
      accountId: newAccountId(),
      summary: 'another account',
      input: harness.input(),
    });

    // The other account finishes while the first still holds its own account.
    await harness.until(engine, other.id, ['succeeded']);
    expect((await engine.store.get(second.id)).state).toBe('queued');
    expect(harness.traceOf(second.id)).toEqual([]);

    harness.openGate('first');
    await harness.until(engine, second.id, ['succeeded']);
    expect((await engine.store.get(first.id)).state).toBe('succeeded');
  });

  it('should refuse to answer, cancel or retry an activity that does not exist', async () => {
    const engine = await harness.engine();
    const missing = '00000000-0000-4000-8000-000000000000';

    await expect(engine.service.detail(missing)).rejects.toEqual(
      expectActivityError(ActivityErrorCode.ActivityNotFound),
    );
    await expect(engine.service.cancel(missing, 'operator:anna')).rejects.toEqual(
      expectActivityError(ActivityErrorCode.ActivityNotFound),
    );
    await expect(engine.service.retry(missing, 'operator:anna')).rejects.toEqual(
      expectActivityError(ActivityErrorCode.ActivityNotFound),
    );
  });
}
