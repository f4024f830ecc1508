import { ACTIVITY_KINDS } from '@autobuy/contracts';

import {
  ActivityError,
  ActivityErrorCode,
  type ActivityHandler,
  defineHandler,
  finish,
} from '../../src/activities';
import { HandlerRegistry } from '../../src/activities/handlers/handler-registry';

const handlerFor = (kind: string, firstStep = 'only'): ActivityHandler =>
  defineHandler({
    kind,
    firstStep,
    initialState: () => ({}),
    steps: { only: async () => finish('succeeded') },
  });

function codeOf(build: () => unknown): ActivityErrorCode | undefined {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(ActivityError);

    return (error as ActivityError).code;
  }

  return undefined;
}

describe(HandlerRegistry.name, () => {
  it('should start when every product kind has exactly one handler', () => {
    const sut = new HandlerRegistry(ACTIVITY_KINDS.map((kind) => handlerFor(kind)));

    expect(sut.kinds().sort()).toEqual([...ACTIVITY_KINDS].sort());
  });

  it('should refuse to start when a kind has no handler, naming the kind', () => {
    const handlers = ACTIVITY_KINDS.filter((kind) => kind !== 'unbind').map((kind) =>
      handlerFor(kind),
    );

    expect(codeOf(() => new HandlerRegistry(handlers))).toBe(ActivityErrorCode.HandlerMissing);
    expect(() => new HandlerRegistry(handlers)).toThrow('unbind');
  });

  it('should refuse to start when a kind has two handlers', () => {
    const handlers = [...ACTIVITY_KINDS.map((kind) => handlerFor(kind)), handlerFor('sync')];

    expect(codeOf(() => new HandlerRegistry(handlers))).toBe(ActivityErrorCode.HandlerDuplicated);
  });

  it('should refuse a handler whose first step does not exist', () => {
    expect(codeOf(() => new HandlerRegistry([handlerFor('test.x', 'missing')], ['test.x']))).toBe(
      ActivityErrorCode.UnknownStep,
    );
  });
});
