import { appendFileSync, existsSync } from 'node:fs';

import { type ActivityHandler, ask, defineHandler, finish, next } from '../../../src/activities';

/** Test kinds only; the product's kinds are required elsewhere. */
export const TEST_KINDS = ['test.steps', 'test.ask', 'test.flaky', 'test.gate'] as const;

// Steps record each run in a trace file, so a test (or a test in another process) can see
// which steps ran and how often, and gates are files a test creates to let a step finish.
function trace(input: Record<string, unknown>, line: string): void {
  appendFileSync(String(input.traceFile), `${line}\n`);
}

async function waitForGate(input: Record<string, unknown>, name: string): Promise<void> {
  const file = `${String(input.gateDir)}/${name}`;
  const all = `${String(input.gateDir)}/ALL`;
  while (!existsSync(file) && !existsSync(all)) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface StepsState {
  done: string[];
}

/** a → b → c, each step recording itself. */
const steps = defineHandler<StepsState>({
  kind: 'test.steps',
  firstStep: 'a',
  initialState: () => ({ done: [] }),
  steps: {
    a: async ({ activity, state, progress }) => {
      trace(activity.input, `${activity.id} a`);
      await progress({ linesFound: 2 }, 'Found 2 order lines');

      return next('b', { done: [...state.done, 'a'] });
    },
    b: async ({ activity, state, log }) => {
      trace(activity.input, `${activity.id} b`);
      await log('Half way');

      return next('c', { done: [...state.done, 'b'] });
    },
    c: async ({ activity, setItemState }) => {
      trace(activity.input, `${activity.id} c`);
      await setItemState('item-1', 'reserved');

      return finish('succeeded');
    },
  },
});

/** Asks "cancel / skip / abort" about a changed price, then acts on the answer. */
const asking = defineHandler<{ asked: boolean }>({
  kind: 'test.ask',
  firstStep: 'check',
  initialState: () => ({ asked: false }),
  steps: {
    check: async ({ activity }) => {
      trace(activity.input, `${activity.id} check`);
      const deadline = activity.input.deadlineMs;

      return ask(
        {
          prompt: 'The price changed from 12.00 to 13.50',
          options: [
            { id: 'cancel_item', label: 'Cancel this item' },
            { id: 'skip_item', label: 'Skip this item' },
            { id: 'abort', label: 'Abort' },
          ],
          defaultChoice: 'abort',
          deadlineMs: typeof deadline === 'number' ? deadline : undefined,
          context: { oldPrice: '12.00', newPrice: '13.50' },
        },
        'apply',
        { asked: true },
      );
    },
    apply: async ({ activity, answer, log }) => {
      trace(activity.input, `${activity.id} apply ${answer?.choice ?? 'none'}`);
      if (!answer || answer.choice === 'abort') {
        return finish('aborted', answer?.byDefault ? 'No answer in time' : 'The operator aborted');
      }
      await log(`Going on with ${answer.choice}`, { answeredBy: answer.answeredBy });

      return finish(answer.choice === 'skip_item' ? 'partly_succeeded' : 'succeeded');
    },
  },
});

/** Step `two` fails on the first attempt only, so a retry can prove it resumes there. */
const flaky = defineHandler<{ fromOne: string }>({
  kind: 'test.flaky',
  firstStep: 'one',
  initialState: () => ({ fromOne: '' }),
  steps: {
    one: async ({ activity }) => {
      trace(activity.input, `${activity.id} one`);

      return next('two', { fromOne: 'kept' });
    },
    two: async ({ activity, state }) => {
      trace(activity.input, `${activity.id} two ${state.fromOne} attempt ${activity.attempt}`);
      if (activity.attempt === 1) {
        throw new Error('The provider did not answer');
      }

      return finish('succeeded');
    },
  },
});

// Worker processes name themselves in the trace; in the test process the name is empty.
const where = process.env.ACTIVITY_WORKER_NAME ?? '';

/** Waits at a gate in `hold`, then records `after`: for cancel, crash and account tests. */
const gated = defineHandler<{ held: boolean }>({
  kind: 'test.gate',
  firstStep: 'before',
  initialState: () => ({ held: false }),
  steps: {
    before: async ({ activity }) => {
      trace(activity.input, `${activity.id} before`);

      return next('hold', { held: false });
    },
    hold: async ({ activity }) => {
      trace(activity.input, `${activity.id} enter ${where}`);
      await waitForGate(activity.input, String(activity.input.gate ?? activity.id));
      trace(activity.input, `${activity.id} leave ${where}`);

      return next('after', { held: true });
    },
    after: async ({ activity }) => {
      trace(activity.input, `${activity.id} after`);

      return finish('succeeded');
    },
  },
});

export const TEST_HANDLERS: ActivityHandler[] = [steps, asking, flaky, gated];
