import { ACTIVITY_STATES, type ActivityState } from '@autobuy/contracts';

import { ActivityError, ActivityErrorCode } from '../../src/activities';
import {
  assertTransition,
  canTransition,
  isFinal,
  statesLeadingTo,
} from '../../src/activities/state-machine';

// The whole table, written out: every pair not listed here must be refused.
const LEGAL: [ActivityState, ActivityState][] = [
  ['queued', 'running'],
  ['queued', 'cancelled'],
  ['running', 'queued'],
  ['running', 'waiting_for_operator'],
  ['running', 'succeeded'],
  ['running', 'partly_succeeded'],
  ['running', 'failed'],
  ['running', 'aborted'],
  ['running', 'cancelled'],
  ['waiting_for_operator', 'queued'],
  ['waiting_for_operator', 'cancelled'],
  ['failed', 'queued'],
];

const isLegal = (from: ActivityState, to: ActivityState): boolean =>
  LEGAL.some(([legalFrom, legalTo]) => legalFrom === from && legalTo === to);

const allPairs = ACTIVITY_STATES.flatMap((from) =>
  ACTIVITY_STATES.map((to) => [from, to] as const),
);

describe('activity state machine', () => {
  it.each(allPairs.filter(([from, to]) => isLegal(from, to)))(
    'should allow %s → %s',
    (from, to) => {
      expect(canTransition(from, to)).toBe(true);
      expect(() => assertTransition(from, to)).not.toThrow();
    },
  );

  it.each(allPairs.filter(([from, to]) => !isLegal(from, to)))(
    'should refuse %s → %s with a typed error',
    (from, to) => {
      expect(canTransition(from, to)).toBe(false);
      expect(() => assertTransition(from, to)).toThrow(ActivityError);
      try {
        assertTransition(from, to);
      } catch (error) {
        expect((error as ActivityError).code).toBe(ActivityErrorCode.IllegalTransition);
        expect((error as ActivityError).message).toBe(
          `An activity cannot go from ${from} to ${to}`,
        );
      }
    },
  );

  it('should list the origins of each state for guarded updates', () => {
    for (const to of ACTIVITY_STATES) {
      expect(statesLeadingTo(to).sort()).toEqual(
        LEGAL.filter(([, legalTo]) => legalTo === to)
          .map(([from]) => from)
          .sort(),
      );
    }
  });

  it('should call the end states and failed final, and the rest not', () => {
    expect(ACTIVITY_STATES.filter(isFinal).sort()).toEqual(
      ['aborted', 'cancelled', 'failed', 'partly_succeeded', 'succeeded'].sort(),
    );
  });
});
