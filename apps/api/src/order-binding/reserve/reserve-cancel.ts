import { Inject, Injectable } from '@nestjs/common';
import type { ProviderOrder } from '@autobuy/provider-adapters';

import type { StepContext } from '../../activities/handlers/activity-handler';
import { withAccountJob } from '../account-job';
import { AttemptStore } from '../attempt-store';
import { BindingStore } from '../binding-store';
import type { OrderAttemptEntity } from '../entities/order-attempt.entity';
import { type BoundOrder, ItemWriter } from '../item-writer';
import { PROVIDER_ACCESS, type WorkflowProviderAccess } from '../provider-access.port';
import { matchAttempt } from './reconcile-match';
import { type ReserveState, pendingItems } from './reserve.state';

/** Pages of the provider's order list searched for the orders of an unclear submit. */
const ORDER_PAGES = 2;
/** Provider and our clocks may differ; orders this much older than the attempt still match. */
const CLOCK_ALLOWANCE_MS = 10 * 60 * 1000;

const NOT_ORDERED = 'The reservation was cancelled before this item was ordered';
const NOT_FOUND =
  "The reservation was cancelled; the provider's order list holds no order for this item";

type Ctx = StepContext<ReserveState>;

/**
 * What a cancelled reservation gives back. Items no submit has carried go back to `available`
 * at once. Items of a submit whose outcome is open may have reached the provider, so its order
 * list decides: an order found binds them (`reserved`), none found frees them. If the list
 * cannot be read this throws, and those items stay `reserving` until the next cancel.
 */
@Injectable()
export class ReserveCancellation {
  constructor(
    @Inject(PROVIDER_ACCESS) private readonly access: WorkflowProviderAccess,
    private readonly bindings: BindingStore,
    private readonly attempts: AttemptStore,
    private readonly writer: ItemWriter,
  ) {}

  async giveBack(ctx: Ctx): Promise<void> {
    const pending = new Set(pendingItems(ctx.state).map((item) => item.itemId));
    const open = await this.attempts.openOf(ctx.activity.id);
    const unsure = new Set(
      open
        .flatMap((attempt) => attempt.lines.map((line) => line.itemId))
        .filter((id) => pending.has(id)),
    );
    await this.free(
      ctx,
      [...pending].filter((id) => !unsure.has(id)),
      NOT_ORDERED,
    );
    if (open.length === 0) {
      return;
    }

    await ctx.log(
      `Checking the provider's order list for ${unsure.size} item(s) of a submit with no clear outcome`,
    );
    for (const [accountId, attempts] of groupByAccount(open)) {
      const orders = await this.recentOrders(accountId);
      for (const attempt of attempts) {
        await this.settle(ctx, attempt, orders, unsure);
      }
    }
  }

  /** Binds the attempt's orders found on the provider and frees the items it did not create. */
  private async settle(
    ctx: Ctx,
    attempt: OrderAttemptEntity,
    orders: ProviderOrder[],
    unsure: Set<string>,
  ): Promise<void> {
    const lines = attempt.lines.filter((line) => unsure.has(line.itemId));
    const known = await this.bindings.ordersByNumber(
      ctx.state.provider,
      orders.map((order) => order.orderNumber),
    );
    const bound = await this.bindings.boundOrderIds([...known.values()].map((row) => row.id));
    const match = matchAttempt(lines, orders, {
      notBeforeMs: attempt.startedAt.getTime() - CLOCK_ALLOWANCE_MS,
      knownOrderNumbers: new Set(
        [...known.values()].filter((row) => bound.has(row.id)).map((row) => row.orderNumber),
      ),
    });
    const found: BoundOrder[] = match.found.map(({ order, itemIds }) => ({
      orderNumber: order.orderNumber,
      status: order.status,
      sellerId: order.sellerId,
      sellerName: order.sellerName,
      totalFee: order.totalFee,
      postFee: order.postFee,
      providerStatus: order.providerStatus,
      itemIds,
    }));

    await this.writer.bindOrders(
      {
        orderId: ctx.state.orderId,
        provider: ctx.state.provider,
        accountId: attempt.accountId,
        activityId: ctx.activity.id,
      },
      found,
    );
    for (const order of found) {
      for (const itemId of order.itemIds) {
        unsure.delete(itemId);
        await ctx.setItemState(itemId, 'reserved', `Provider order ${order.orderNumber}`);
      }
    }
    await this.free(ctx, match.missingItemIds, NOT_FOUND);
    match.missingItemIds.forEach((itemId) => unsure.delete(itemId));
    await this.attempts.mark(attempt.id, match.missingItemIds.length > 0 ? 'failed' : 'confirmed', {
      orderNumbers: [...attempt.orderNumbers, ...found.map((order) => order.orderNumber)],
      error:
        match.missingItemIds.length > 0
          ? 'cancelled by an operator; not in the provider order list'
          : attempt.error,
    });
    if (found.length > 0) {
      await ctx.log(
        `Found ${found.length} order(s) of the submit on the provider: ${found.map((order) => order.orderNumber).join(', ')}`,
      );
    }
  }

  private async free(ctx: Ctx, itemIds: string[], reason: string): Promise<void> {
    await this.writer.release(ctx.state.orderId, itemIds, 'available', reason);
    for (const itemId of itemIds) {
      await ctx.setItemState(itemId, 'cancelled', reason);
    }
  }

  private async recentOrders(accountId: string): Promise<ProviderOrder[]> {
    return withAccountJob(this.access, { accountId }, async (job) => {
      const orders: ProviderOrder[] = [];
      for (let page = 1; page <= ORDER_PAGES; page++) {
        const result = await job.listOrders({ page });
        orders.push(...result.orders);
        if (page >= result.totalPages) {
          break;
        }
      }

      return orders;
    });
  }
}

function groupByAccount(attempts: OrderAttemptEntity[]): Map<string, OrderAttemptEntity[]> {
  const byAccount = new Map<string, OrderAttemptEntity[]>();
  for (const attempt of attempts) {
    byAccount.set(attempt.accountId, [...(byAccount.get(attempt.accountId) ?? []), attempt]);
  }

  return byAccount;
}
