import { Inject, Injectable } from '@nestjs/common';
import { WORKFLOW_CHOICES as C, type ProviderCode } from '@autobuy/contracts';

import {
  type ActivityHandler,
  type StepContext,
  type StepResult,
  ask,
  defineHandler,
  finish,
  next,
} from '../../activities/handlers/activity-handler';
import { crashPoint } from '../../common/crash-points';
import { OrderItemStates } from '../../orders/item-states';
import { withAccountJob } from '../account-job';
import { BindingStore } from '../binding-store';
import { ItemWriter } from '../item-writer';
import { PROVIDER_ACCESS, type WorkflowProviderAccess } from '../provider-access.port';
import { QUESTION_DEADLINE_MS } from '../reserve/reserve.questions';

/** One provider order to cancel and the items that go back to available with it. */
interface UnbindGroup {
  orderNumber: string;
  /** The items the operator selected. */
  selected: string[];
  /** Items of other lines bound to the same provider order. */
  others: string[];
  /** The provider order holds lines no item of ours is bound to. */
  foreignLines: number;
  decision: 'pending' | 'cancel_selected' | 'cancel_all' | 'keep' | 'done';
}

interface UnbindState {
  orderId: string;
  accountId: string;
  provider: ProviderCode;
  itemIds: string[];
  groups: UnbindGroup[] | null;
  results: Record<string, { state: 'unbound' | 'skipped' | 'failed'; reason?: string }>;
}

type Ctx = StepContext<UnbindState>;

const CANCEL_REASON = '我不想买了' as const;

/**
 * The `unbind` workflow: look at each provider order on the provider → ask when it also holds
 * items that were not selected → cancel it → items back to available. A provider order found
 * already cancelled is not cancelled twice, so a re-run after a crash is harmless.
 */
@Injectable()
export class UnbindHandler {
  constructor(
    @Inject(PROVIDER_ACCESS) private readonly access: WorkflowProviderAccess,
    private readonly items: OrderItemStates,
    private readonly bindings: BindingStore,
    private readonly writer: ItemWriter,
  ) {}

  handler(): ActivityHandler {
    return defineHandler<UnbindState>({
      kind: 'unbind',
      firstStep: 'inspect',
      initialState: (input) => ({
        orderId: String(input.orderId),
        accountId: String(input.accountId),
        provider: input.provider as ProviderCode,
        itemIds: input.itemIds as string[],
        groups: null,
        results: {},
      }),
      steps: {
        inspect: (ctx) => this.inspect(ctx),
        decide: (ctx) => this.decide(ctx),
        answer: (ctx) => this.answer(ctx),
        cancel: (ctx) => this.cancel(ctx),
        finish: (ctx) => this.finish(ctx),
      },
    });
  }

  private async inspect(ctx: Ctx): Promise<StepResult<UnbindState>> {
    const active = await this.bindings.activeBindings(ctx.state.itemIds);
    const byOrder = new Map<string, string[]>();
    for (const { binding, providerOrder } of active) {
      const list = byOrder.get(providerOrder.orderNumber) ?? [];
      list.push(binding.orderItemId);
      byOrder.set(providerOrder.orderNumber, list);
    }
    const groups: UnbindGroup[] = [];
    for (const { providerOrder } of active) {
      if (groups.some((group) => group.orderNumber === providerOrder.orderNumber)) {
        continue;
      }
      const selected = byOrder.get(providerOrder.orderNumber) ?? [];
      const bound = await this.bindings.boundItemIds(providerOrder.id);
      groups.push({
        orderNumber: providerOrder.orderNumber,
        selected,
        others: bound.filter((id) => !selected.includes(id)),
        foreignLines: 0,
        decision: 'pending',
      });
    }

    // The provider's view decides: lines no item of ours accounts for count as other items.
    const rows = await this.items.items(groups.flatMap((g) => [...g.selected, ...g.others]));
    const byId = new Map(rows.map((row) => [row.id, row]));
    await withAccountJob(this.access, { accountId: ctx.state.accountId }, async (job) => {
      for (const group of groups) {
        const order = await job.findOrder(group.orderNumber);
        if (!order) {
          continue;
        }
        const ours = [...group.selected, ...group.others].map((id) => byId.get(id));
        group.foreignLines = order.lines.filter(
          (line) =>
            !ours.some((item) => item?.providerItemId === line.itemId && item.skuId === line.skuId),
        ).length;
      }
    });
    await ctx.progress({
      orderLinesFound: ctx.state.itemIds.length,
      providerOrdersFound: groups.length,
    });

    return next('decide', { ...ctx.state, groups });
  }

  /** Asks about the first provider order that holds more than the selected items. */
  private async decide(ctx: Ctx): Promise<StepResult<UnbindState>> {
    const groups = ctx.state.groups ?? [];
    const open = groups.find((group) => group.decision === 'pending');
    if (!open) {
      return next('cancel', ctx.state);
    }
    if (open.others.length === 0 && open.foreignLines === 0) {
      return next('decide', this.decideGroup(ctx.state, open.orderNumber, 'cancel_selected'));
    }

    const rows = await this.items.items(open.others);
    const names = rows.map((row) => `"${row.title}"`);
    if (open.foreignLines > 0) {
      names.push(`${open.foreignLines} line(s) not bound to this shop order`);
    }

    return ask(
      {
        prompt:
          `Provider order ${open.orderNumber} also holds ${names.join(', ')}. Cancelling it ` +
          `cancels all of them; keeping it leaves every item reserved.`,
        options: [
          { id: C.cancelAll, label: 'Cancel the whole provider order' },
          { id: C.keepOrder, label: 'Keep the order' },
        ],
        defaultChoice: C.keepOrder,
        deadlineMs: QUESTION_DEADLINE_MS,
        context: { orderNumber: open.orderNumber, otherItemIds: open.others },
      },
      'answer',
      ctx.state,
    );
  }

  private async answer(ctx: Ctx): Promise<StepResult<UnbindState>> {
    const open = (ctx.state.groups ?? []).find((group) => group.decision === 'pending');
    if (!open) {
      return next('cancel', ctx.state);
    }
    const choice = ctx.answer?.choice === C.cancelAll ? 'cancel_all' : 'keep';
    if (choice === 'keep') {
      await ctx.log(`Provider order ${open.orderNumber} kept`);
    }

    return next('decide', this.decideGroup(ctx.state, open.orderNumber, choice));
  }

  /** Cancels every provider order decided for, one at a time, checking its status first. */
  private async cancel(ctx: Ctx): Promise<StepResult<UnbindState>> {
    const groups = ctx.state.groups ?? [];
    const results = { ...ctx.state.results };
    let state = ctx.state;
    for (const group of groups) {
      if (group.decision === 'keep') {
        for (const id of group.selected) {
          results[id] = {
            state: 'skipped',
            reason: `Provider order ${group.orderNumber} was kept`,
          };
          await ctx.setItemState(id, 'skipped', results[id]?.reason);
        }
      }
    }

    const toCancel = groups.filter(
      (group) => group.decision === 'cancel_selected' || group.decision === 'cancel_all',
    );
    for (const group of toCancel) {
      const itemIds =
        group.decision === 'cancel_all' ? [...group.selected, ...group.others] : group.selected;
      const outcome = await withAccountJob(
        this.access,
        { accountId: state.accountId },
        async (job) => {
          const order = await job.findOrder(group.orderNumber);
          if (order && order.status !== 'unpaid' && order.status !== 'cancelled') {
            return `Provider order ${group.orderNumber} is ${order.status} and cannot be cancelled`;
          }
          if (order && order.status === 'unpaid') {
            crashPoint('unbind.before-cancel');
            await job.cancelOrder(group.orderNumber, CANCEL_REASON);
          }

          return null;
        },
      );
      if (outcome) {
        for (const id of group.selected) {
          results[id] = { state: 'failed', reason: outcome };
          await ctx.setItemState(id, 'failed', outcome);
        }
      } else {
        crashPoint('unbind.after-cancel');
        const reason = `Unbound: provider order ${group.orderNumber} was cancelled`;
        const row = await this.bindings.findOrder(state.provider, group.orderNumber);
        if (row) {
          await this.bindings.upsertOrder({ ...row, status: 'cancelled' });
        }
        await this.writer.release(state.orderId, itemIds, 'available', reason, [
          'reserved',
          'reserving',
        ]);
        for (const id of itemIds) {
          results[id] = { state: 'unbound', reason };
          await ctx.setItemState(id, 'unbound', reason);
        }
      }
      group.decision = 'done';
      state = { ...state, groups, results };
    }

    return next('finish', { ...state, results });
  }

  private async finish(ctx: Ctx): Promise<StepResult<UnbindState>> {
    const values = Object.values(ctx.state.results);
    const done = values.filter((result) => result.state === 'unbound').length;
    const failed = values.filter((result) => result.state === 'failed').length;
    const kept = values.length - done - failed;
    await ctx.progress({ itemsDone: done, itemsFailed: failed });
    if (failed === 0 && kept === 0 && done > 0) {
      return finish('succeeded');
    }

    const reason = `${done} item(s) unbound, ${kept} kept, ${failed} failed`;
    if (done > 0) {
      return finish('partly_succeeded', reason);
    }

    return finish(failed > 0 ? 'failed' : 'aborted', reason);
  }

  private decideGroup(
    state: UnbindState,
    orderNumber: string,
    decision: UnbindGroup['decision'],
  ): UnbindState {
    return {
      ...state,
      groups: (state.groups ?? []).map((group) =>
        group.orderNumber === orderNumber ? { ...group, decision } : group,
      ),
    };
  }
}
