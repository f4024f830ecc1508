import { Inject, Injectable } from '@nestjs/common';
import type { ProviderCode } from '@autobuy/contracts';
import type { ProviderOrder } from '@autobuy/provider-adapters';

import {
  type ActivityHandler,
  type StepContext,
  type StepResult,
  defineHandler,
  finish,
} from '../../activities/handlers/activity-handler';
import { OrderItemStates } from '../../orders/item-states';
import { withAccountJob } from '../account-job';
import { BindingStore } from '../binding-store';
import { ItemWriter } from '../item-writer';
import { PROVIDER_ACCESS, type WorkflowProviderAccess } from '../provider-access.port';

interface BindState {
  orderId: string;
  accountId: string;
  provider: ProviderCode;
  orderNumber: string;
}

type Ctx = StepContext<BindState>;

/** Items that may be linked: not yet bought through another provider order. */
const BINDABLE = new Set(['available', 'refused']);

/**
 * The `bind` workflow: find the provider order by number on the account, refuse it when items
 * of another shop order are bound to it, then link every item of this order with the same
 * provider item and SKU. Items and provider lines that do not match are reported.
 */
@Injectable()
export class BindHandler {
  constructor(
    @Inject(PROVIDER_ACCESS) private readonly access: WorkflowProviderAccess,
    private readonly items: OrderItemStates,
    private readonly bindings: BindingStore,
    private readonly writer: ItemWriter,
  ) {}

  handler(): ActivityHandler {
    return defineHandler<BindState>({
      kind: 'bind',
      firstStep: 'bind',
      initialState: (input) => ({
        orderId: String(input.orderId),
        accountId: String(input.accountId),
        provider: input.provider as ProviderCode,
        orderNumber: String(input.providerOrderNumber),
      }),
      steps: { bind: (ctx) => this.bind(ctx) },
    });
  }

  private async bind(ctx: Ctx): Promise<StepResult<BindState>> {
    const { orderNumber, provider } = ctx.state;
    const order = await withAccountJob(this.access, { accountId: ctx.state.accountId }, (job) =>
      job.findOrder(orderNumber),
    );
    if (!order) {
      return finish('failed', `Provider order ${orderNumber} was not found on this account`);
    }
    await ctx.progress({ providerOrdersFound: 1, orderLinesFound: order.lines.length });
    if (order.status === 'cancelled') {
      return finish('failed', `Provider order ${orderNumber} is closed unpaid; nothing to bind`);
    }

    const known = await this.bindings.findOrder(provider, orderNumber);
    const boundIds = known ? await this.bindings.boundItemIds(known.id) : [];
    const boundRows = await this.items.items(boundIds);
    const elsewhere = boundRows.filter((row) => row.orderId !== ctx.state.orderId);
    if (elsewhere.length > 0) {
      return finish(
        'failed',
        `Provider order ${orderNumber} is already bound to another shop order ` +
          `(${elsewhere.map((row) => `"${row.title}"`).join(', ')})`,
      );
    }

    const items = await this.items.itemsOfOrder(ctx.state.orderId);
    const matched: string[] = [];
    const unmatchedLines: string[] = [];
    for (const line of order.lines) {
      const hits = items.filter(
        (item) =>
          item.provider === provider &&
          item.providerItemId === line.itemId &&
          (item.skuId ?? null) === (line.skuId ?? null) &&
          (BINDABLE.has(item.state) || boundIds.includes(item.id)),
      );
      if (hits.length === 0) {
        unmatchedLines.push(`${line.title}${line.configuration ? ` (${line.configuration})` : ''}`);
      }
      matched.push(...hits.map((item) => item.id).filter((id) => !matched.includes(id)));
    }

    await this.writer.bindOrders(
      {
        orderId: ctx.state.orderId,
        provider,
        accountId: ctx.state.accountId,
        activityId: ctx.activity.id,
      },
      [toBound(order, matched)],
    );
    for (const id of matched) {
      await ctx.setItemState(id, 'bound', `Provider order ${orderNumber}`);
    }
    if (unmatchedLines.length > 0) {
      await ctx.log(
        `Lines of provider order ${orderNumber} matching no item of this order: ${unmatchedLines.join('; ')}`,
        undefined,
        'warn',
      );
    }
    await ctx.progress({ itemsDone: matched.length, itemsFailed: unmatchedLines.length });

    if (matched.length === 0) {
      return finish('failed', `No item of this order matches provider order ${orderNumber}`);
    }
    if (unmatchedLines.length > 0) {
      return finish(
        'partly_succeeded',
        `${matched.length} item(s) bound; ${unmatchedLines.length} line(s) of the provider ` +
          `order match no item: ${unmatchedLines.join('; ')}`,
      );
    }

    return finish('succeeded');
  }
}

function toBound(order: ProviderOrder, itemIds: string[]) {
  return {
    orderNumber: order.orderNumber,
    status: order.status,
    sellerId: order.sellerId,
    sellerName: order.sellerName,
    totalFee: order.totalFee,
    postFee: order.postFee,
    providerStatus: order.providerStatus,
    itemIds,
  };
}
