import '../activities/support/quiet-logs';

import { type ActivitiesEngine, createActivitiesEngine } from '../../src/activities';
import {
  type ActivityHandler,
  defineHandler,
  finish,
  next,
} from '../../src/activities/handlers/activity-handler';
import { ActivityLeaseEntity } from '../../src/activities/entities/activity-lease.entity';
import { InProcessQueue } from '../../src/activities/queue/in-process-queue';
import { createSqliteDatabase, type TestDatabase } from '../activities/support/test-database';
import { waitFor } from '../activities/support/wait-for';

const gates = new Map<string, () => void>();
const moved = new Map<string, boolean>();

/** Moves to the account named in its input, then waits at a gate, like a switched reservation. */
const mover = defineHandler<Record<string, never>>({
  kind: 'test.mover',
  firstStep: 'move',
  initialState: () => ({}),
  steps: {
    move: async (ctx) => {
      moved.set(ctx.activity.id, await ctx.moveToAccount(String(ctx.activity.input.to)));

      return next('hold', {});
    },
    hold: async ({ activity }) => {
      await new Promise<void>((resolve) => gates.set(activity.id, resolve));

      return finish('succeeded');
    },
  },
});

const quick = defineHandler<Record<string, never>>({
  kind: 'test.quick',
  firstStep: 'only',
  initialState: () => ({}),
  steps: { only: async () => finish('succeeded') },
});

/** An activity moved to another account holds that one and frees the first at once. */
describe('the activities engine moves a running activity to another account', () => {
  let db: TestDatabase;
  let engine: ActivitiesEngine;

  beforeAll(async () => {
    db = await createSqliteDatabase();
    engine = createActivitiesEngine(db.dataSource, {
      handlers: [mover, quick] as ActivityHandler[],
      requiredKinds: [],
      driver: new InProcessQueue(4),
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

  const start = (kind: string, accountId: string, input: Record<string, unknown> = {}) =>
    engine.service.start({ kind, summary: kind, accountId, input });

  const held = (id: string) => waitFor(`activity ${id} at its gate`, () => gates.has(id));

  const state = async (id: string) => (await engine.store.get(id)).state;

  /** Which activity holds the account now (null: nobody). */
  const holderOf = async (accountId: string) =>
    (await db.dataSource.manager.findOneBy(ActivityLeaseEntity, { accountId }))?.activityId ?? null;

  it('should free the first account for others and hold the new one until it ends', async () => {
    const moving = await start('test.mover', 'account-a', { to: 'account-b' });
    await held(moving.id);

    expect(moved.get(moving.id)).toBe(true);
    expect((await engine.store.get(moving.id)).accountId).toBe('account-b');
    const onFirst = await start('test.quick', 'account-a');
    await waitFor('the first account to run another activity', async () =>
      (await state(onFirst.id)) === 'succeeded' ? true : undefined,
    );
    expect(await holderOf('account-b')).toBe(moving.id);
    const onNew = await start('test.quick', 'account-b');

    gates.get(moving.id)?.();
    await waitFor('the new account to be free again', async () =>
      (await state(onNew.id)) === 'succeeded' ? true : undefined,
    );
    expect(await state(moving.id)).toBe('succeeded');
  });

  it('should stay on its account when another activity holds the one it moves to', async () => {
    const holder = await start('test.mover', 'account-c', { to: 'account-c' });
    await held(holder.id);
    const moving = await start('test.mover', 'account-d', { to: 'account-c' });
    await held(moving.id);

    expect(moved.get(moving.id)).toBe(false);
    expect((await engine.store.get(moving.id)).accountId).toBe('account-d');
    expect(await holderOf('account-d')).toBe(moving.id);
    expect(await holderOf('account-c')).toBe(holder.id);
    const onFirst = await start('test.quick', 'account-d');

    gates.get(holder.id)?.();
    gates.get(moving.id)?.();
    await waitFor('both accounts to be free', async () =>
      (await state(onFirst.id)) === 'succeeded' ? true : undefined,
    );
  });
});
