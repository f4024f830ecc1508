import { Injectable } from '@nestjs/common';

import type { ActivityHandler, StepContext } from '../activities/handlers/activity-handler';
import { SyncHandler } from '../sync/sync.handler';
import { BindHandler } from './bind/bind.handler';
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
    return [
      {
        ...this.reserve.handler(),
        // A cancelled reservation gives its items back (after asking the provider if needed).
        onCancelled: (context) =>
          this.reserveCancellation.giveBack(context as StepContext<ReserveState>),
      },
      this.unbind.handler(),
      this.bind.handler(),
      this.sync.handler(),
    ];
  }
}
