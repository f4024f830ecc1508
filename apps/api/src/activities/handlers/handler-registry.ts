import { ACTIVITY_KINDS } from '@autobuy/contracts';

import { ActivityError, ActivityErrorCode } from '../activity-error';
import type { ActivityHandler } from './activity-handler';

/**
 * Handlers by kind. Built once at startup: a kind with two handlers, an expected kind with
 * none, or a step pointing nowhere stops the process before any activity runs.
 */
export class HandlerRegistry {
  private readonly byKind = new Map<string, ActivityHandler>();

  constructor(handlers: ActivityHandler[], requiredKinds: readonly string[] = ACTIVITY_KINDS) {
    for (const handler of handlers) {
      if (this.byKind.has(handler.kind)) {
        throw new ActivityError(
          ActivityErrorCode.HandlerDuplicated,
          `Two handlers are registered for activity kind "${handler.kind}"`,
        );
      }
      if (!handler.steps[handler.firstStep]) {
        throw new ActivityError(
          ActivityErrorCode.UnknownStep,
          `Handler "${handler.kind}" starts at step "${handler.firstStep}", which it does not have`,
        );
      }
      this.byKind.set(handler.kind, handler);
    }

    const missing = requiredKinds.filter((kind) => !this.byKind.has(kind));
    if (missing.length > 0) {
      throw new ActivityError(
        ActivityErrorCode.HandlerMissing,
        `No handler is registered for activity kind(s): ${missing.join(', ')}`,
      );
    }
  }

  get(kind: string): ActivityHandler {
    const handler = this.byKind.get(kind);
    if (!handler) {
      throw new ActivityError(
        ActivityErrorCode.HandlerMissing,
        `No handler is registered for activity kind "${kind}"`,
      );
    }

    return handler;
  }

  has(kind: string): boolean {
    return this.byKind.has(kind);
  }

  kinds(): string[] {
    return [...this.byKind.keys()];
  }
}
