import '../activities/support/quiet-logs';

import { type ActivitiesEngine, createActivitiesEngine } from '../../src/activities';
import {
  type ActivityHandler,
  ask,
  defineHandler,
  finish,
  next,
} from '../../src/activities/handlers/activity-handler';
import { InProcessQueue } from '../../src/activities/queue/in-process-queue';
import { createSqliteDatabase, type TestDatabase } from '../activities/support/test-database';
import { waitFor } from '../activities/support/wait-for';

interface HeldState {
  claimed: string[];
}

/** What the handlers below did, by activity: the workflows' item writes stand in here. */
const released = new Map<string, string[][]>();
const gates = new Map<string, () => void>();
let giveBackFails = false;

function gate(activityId: string): Promise<void> {
  return new Promise((resolve) => gates.set(activityId, resolve));
}

const onCancelled = async ({ activity, state }: { activity: { id: string }; state: HeldState }) => {
  if (giveBackFails) {
    throw new Error('the provider cannot be read');
  }
  released.set(activity.id, [...(released.get(activity.id) ?? []), state.claimed]);
};

/** Claims items, then waits (at a gate, or for an answer, or fails), like a reservation. */
const holding = defineHandler<HeldState>({
  kind: 'test.holding',
  firstStep: 'claim',
  initialState: () => ({ claimed: [] }),
  steps: {
    claim: async ({ activity }) => next('wait', { claimed: [`${activity.id}-item`] }),
    wait: async ({ activity, state }) => {
      if (activity.input.mode === 'ask') {
        return ask(
          { prompt: 'Go on?', options: [{ id: 'go', label: 'Go' }], defaultChoice: 'go' },
          'done',
          state,
        );
      }
      if (activity.input.mode === 'fail') {
        throw new Error('The provider did not answer');
      }
      await gate(activity.id);

      return next('done', state);
    },
    done: async () => finish('succeeded'),
  },
  onCancelled,
});

const plain = defineHandler<HeldState>({
  kind: 'test.plain',
  firstStep: 'only',
  initialState: () => ({ claimed: [] }),
  steps: { only: async () => finish('succeeded') },
});

/** The engine's cancel hook: what a handler holds is given back however the cancel comes. */
describe('the activities engine runs onCancelled before an activity ends cancelled', () => {
  let db: TestDatabase;
  let engine: ActivitiesEngine;

  beforeAll(async () => {
    db = await createSqliteDatabase();
    engine = createActivitiesEngine(db.dataSource, {
      handlers: [holding, plain] as ActivityHandler[],
      requiredKinds: [],
      driver: new InProcessQueue(2),
      leaseTtlMs: 3_000,
      busyRetryMs: 50,
      sweepIntervalMs: 0,
    });
    await engine.worker.start();
  });

  afterAll(async () => {
    gates.forEach((open) => open());
    await engine?.worker.stop();
    await db?.drop();
  });

  afterEach(() => {
    giveBackFails = false;
  });

  async function start(mode: string) {
    return engine.service.start({ kind: 'test.holding', summary: mode, input: { mode } });
  }

  const settled = (id: string, state: string) =>
    waitFor(`activity ${id} ${state}`, async () => {
      const activity = await engine.store.get(id);

      return activity.state === state && !activity.runnerToken ? activity : undefined;
    });

  it('should give back what a running activity holds at its next step, then end cancelled', async () => {
    const started = await start('gate');
    await waitFor('the gate', () => gates.has(started.id));

    const requested = await engine.service.cancel(started.id, 'operator:anna');
    expect(requested).toMatchObject({ state: 'running', cancelRequested: true });
    expect(released.get(started.id)).toBeUndefined();
    gates.get(started.id)?.();

    await settled(started.id, 'cancelled');
    expect(released.get(started.id)).toEqual([[`${started.id}-item`]]);
  });

  it('should cancel a waiting activity through a run that gives back, refusing the answer after', async () => {
    const started = await start('ask');
    await settled(started.id, 'waiting_for_operator');
    const question = (await engine.service.detail(started.id)).openQuestion!;

    const flagged = await engine.service.cancel(started.id, 'operator:anna');
    expect(flagged).toMatchObject({ state: 'queued', cancelRequested: true });
    await expect(
      engine.service.answer(started.id, question.id, 'go', 'operator:anna'),
    ).rejects.toMatchObject({ code: 'not_waiting_for_operator' });

    const done = await settled(started.id, 'cancelled');
    expect(done.reason).toBe('Cancelled by an operator');
    expect(released.get(started.id)).toEqual([[`${started.id}-item`]]);
  });

  it('should let a failed activity be cancelled, giving up its retry', async () => {
    const started = await start('fail');
    await settled(started.id, 'failed');

    await engine.service.cancel(started.id, 'operator:anna');

    await settled(started.id, 'cancelled');
    expect(released.get(started.id)).toEqual([[`${started.id}-item`]]);
    await expect(engine.service.retry(started.id, 'operator:anna')).rejects.toMatchObject({
      code: 'not_retryable',
    });
  });

  it('should end failed with the reason when giving back fails, and give back on the next cancel', async () => {
    const started = await start('ask');
    await settled(started.id, 'waiting_for_operator');
    giveBackFails = true;

    await engine.service.cancel(started.id, 'operator:anna');
    const failed = await settled(started.id, 'failed');
    expect(failed.reason).toBe('Cancelling did not finish: the provider cannot be read');
    expect(released.get(started.id)).toBeUndefined();

    giveBackFails = false;
    await engine.service.cancel(started.id, 'operator:anna');
    await settled(started.id, 'cancelled');
    expect(released.get(started.id)).toEqual([[`${started.id}-item`]]);
  });

  it('should still cancel a queued activity of a handler without the hook at once', async () => {
    const stopped = createActivitiesEngine(db.dataSource, {
      handlers: [holding, plain] as ActivityHandler[],
      requiredKinds: [],
      driver: new InProcessQueue(1),
    });
    const queued = await stopped.service.start({
      kind: 'test.plain',
      summary: 'never runs',
      input: {},
    });

    expect(await stopped.service.cancel(queued.id, 'operator:anna')).toMatchObject({
      state: 'cancelled',
    });
  });
});
