import { Injectable } from '@nestjs/common';

import type { ActivityHandler } from '../activities/handlers/activity-handler';
import { SyncHandler } from '../sync/sync.handler';
import { BindHandler } from './bind/bind.handler';
import { ReserveHandler } from './reserve/reserve.handler';
import { UnbindHandler } from './unbind/unbind.handler';

/** The purchase workflows' activity handlers, for the activities engine's registry. */
@Injectable()
export class WorkflowHandlers {
  constructor(
    private readonly reserve: ReserveHandler,
    private readonly unbind: UnbindHandler,
    private readonly bind: BindHandler,
    private readonly sync: SyncHandler,
  ) {}

  all(): ActivityHandler[] {
    return [
      this.reserve.handler(),
      this.unbind.handler(),
      this.bind.handler(),
      this.sync.handler(),
    ];
  }
}
