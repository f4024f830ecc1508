import { Injectable } from '@nestjs/common';

import type { ActivityHandler, Step, StepContext } from '../activities/handlers/activity-handler';
import { SyncHandler } from '../sync/sync.handler';
import { BindHandler } from './bind/bind.handler';
import { movingWithTheSession } from './reserve/reserve-account-move';
import { ReserveCancellation } from './reserve/reserve-cancel';
import { ReserveHandler } from './reserve/reserve.handler';
import type { ReserveState } from './reserve/reserve.state';
import { UnbindHandler } from './unbind/unbind.handler';

/** The purchase workflows' activity handlers, for the activities engine's registry. */
@Injectable()
export class WorkflowHandlers {
  constructor(
    private readonly reserve: ReserveHandler,
    private readonly unbind: UnbindHandler,
    private readonly bind: BindHandler,
    private readonly sync: SyncHandler,
    private readonly reserveCancellation: ReserveCancellation,
  ) {}

  all(): ActivityHandler[] {
    return [this.reserveHandler(), this.unbind.handler(), this.bind.handler(), this.sync.handler()];
  }

  /**
   * The reservation's steps, plus what the engine offers beyond steps: a cancelled reservation
   * gives its items back (asking the provider first when needed), and a switch of session
   * moves the activity's hold to the new account.
   */
  private reserveHandler(): ActivityHandler {
    const handler = this.reserve.handler();
    const dealLimit = handler.steps.dealLimit as Step<ReserveState> | undefined;
    const steps = dealLimit
      ? { ...handler.steps, dealLimit: movingWithTheSession(dealLimit) as Step<unknown> }
      : handler.steps;

    return {
      ...handler,
      steps,
      onCancelled: (context) =>
        this.reserveCancellation.giveBack(context as StepContext<ReserveState>),
    };
  }
}
