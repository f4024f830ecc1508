import type { Step } from '../../activities/handlers/activity-handler';
import type { ReserveState } from './reserve.state';

/**
 * Wraps the step that continues a reservation on another session (after a deal limit): once it
 * has switched, the activity and its hold move to that session's account, so the first account
 * is free for other activities while this one goes on.
 */
export function movingWithTheSession(step: Step<ReserveState>): Step<ReserveState> {
  return async (ctx) => {
    const result = await step(ctx);
    if (result.type !== 'next' || result.state.accountId === ctx.state.accountId) {
      return result;
    }
    if (!(await ctx.moveToAccount(result.state.accountId))) {
      // Waiting for the other account could take long; going on matches what the operator chose.
      await ctx.log(
        'The chosen account is busy with another activity; this reservation goes on while ' +
          'holding only the first account',
        undefined,
        'warn',
      );
    }

    return result;
  };
}
