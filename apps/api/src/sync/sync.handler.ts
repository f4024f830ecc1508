import { Inject, Injectable } from '@nestjs/common';
import type { ProviderCode } from '@autobuy/contracts';
import type { ProviderJob, ProviderOrder } from '@autobuy/provider-adapters';
import { DataSource } from 'typeorm';

import {
  type ActivityHandler,
  type StepContext,
  type StepResult,
  defineHandler,
  finish,
  next,
} from '../activities/handlers/activity-handler';
import { withAccountJob } from '../order-binding/account-job';
import { BindingStore } from '../order-binding/binding-store';
import { itemStateFor } from '../order-binding/item-writer';
import {
  PROVIDER_ACCESS,
  type WorkflowProviderAccess,
} from '../order-binding/provider-access.port';
import { type OrderUpdate, SyncApplier } from './sync-applier';
import { SyncMarkEntity } from './sync-mark.entity';

interface SyncState {
  accountId: string;
  provider: ProviderCode;
  /** Orders changed at or after this time are read; null reads all. */
  since: string | null;
  startedAt: string;
  ordersSeen: number;
  itemsMoved: number;
}

type Ctx = StepContext<SyncState>;

/** Changes that reach the provider's list a little late are still read by the next sync. */
const OVERLAP_MS = 5 * 60 * 1000;
/**
 * Order-list pages read at once: two keep the provider busy while one answer is parsed, about
 * what the list's own pager does when a buyer clicks quickly; more would look like a scraper.
 */
const PAGES_IN_FLIGHT = 2;
const SHIPPED = new Set(['shipped', 'partly_shipped']);

/**
 * The `sync` workflow: page through the account's provider orders changed since the last sync
 * and apply each known order's status to its items. Applying is idempotent, so a re-run after
 * a crash simply reads again; the mark moves only after a complete pass.
 */
@Injectable()
export class SyncHandler {
  constructor(
    @Inject(PROVIDER_ACCESS) private readonly access: WorkflowProviderAccess,
    private readonly dataSource: DataSource,
    private readonly bindings: BindingStore,
    private readonly applier: SyncApplier,
  ) {}

  handler(): ActivityHandler {
    return defineHandler<SyncState>({
      kind: 'sync',
      firstStep: 'start',
      initialState: (input) => ({
        accountId: String(input.accountId),
        provider: input.provider as ProviderCode,
        since: null,
        startedAt: new Date().toISOString(),
        ordersSeen: 0,
        itemsMoved: 0,
      }),
      steps: {
        start: (ctx) => this.start(ctx),
        read: (ctx) => this.read(ctx),
      },
    });
  }

  private async start(ctx: Ctx): Promise<StepResult<SyncState>> {
    const mark = await this.dataSource.manager.findOneBy(SyncMarkEntity, {
      accountId: ctx.state.accountId,
    });
    const since = mark ? new Date(mark.syncedAt.getTime() - OVERLAP_MS).toISOString() : null;
    await ctx.log(since ? `Reading orders changed since ${since}` : 'Reading every order');

    return next('read', { ...ctx.state, since, startedAt: new Date().toISOString() });
  }

  private async read(ctx: Ctx): Promise<StepResult<SyncState>> {
    const state = ctx.state;
    const since = state.since ? new Date(state.since) : undefined;
    let ordersSeen = 0;
    let itemsMoved = 0;

    const sessionId = await withAccountJob(
      this.access,
      { accountId: state.accountId },
      async (job, session) => {
        // Pages are read PAGES_IN_FLIGHT at a time, each starting when the one that many places
        // before it has arrived, while the database applies those already read in order:
        // neither waits for the other.
        const first = await job.listOrders({ page: 1, since });
        const reads = [Promise.resolve(first)];
        const readUpTo = (totalPages: number) => {
          for (let page = reads.length + 1; page <= totalPages; page++) {
            // Waits for the read PAGES_IN_FLIGHT places before, however it ended.
            const gate = reads[page - 1 - PAGES_IN_FLIGHT]?.catch(() => undefined);
            const read = (gate ?? Promise.resolve()).then(() => job.listOrders({ page, since }));
            // Awaited in turn below; a failure meanwhile must not count as unhandled.
            read.catch(() => undefined);
            reads.push(read);
          }
        };
        readUpTo(first.totalPages);
        for (let index = 0; index < reads.length; index++) {
          const result = await reads[index]!;
          // Orders created meanwhile push older ones onto a page that did not exist yet.
          readUpTo(result.totalPages);
          ordersSeen += result.orders.length;
          itemsMoved += await this.applyPage(state, job, result.orders);
        }

        return session.id;
      },
    );

    await this.dataSource.manager.save(SyncMarkEntity, {
      accountId: state.accountId,
      syncedAt: new Date(state.startedAt),
      ordersSeen,
    });
    await this.access.recordSync(sessionId, new Date(state.startedAt));
    await ctx.progress(
      { providerOrdersFound: ordersSeen, itemsDone: itemsMoved },
      `${ordersSeen} changed order(s) read, ${itemsMoved} item(s) updated`,
    );

    return finish('succeeded');
  }

  /** Applies the orders we know (bound to items); the others are not ours to track. */
  private async applyPage(
    state: SyncState,
    job: ProviderJob,
    orders: ProviderOrder[],
  ): Promise<number> {
    const known = await this.bindings.ordersByNumber(
      state.provider,
      orders.map((order) => order.orderNumber),
    );
    const changed: (OrderUpdate & { moves: boolean })[] = [];
    for (const order of orders) {
      const row = known.get(order.orderNumber);
      if (!row) {
        continue;
      }
      const tracking =
        SHIPPED.has(order.status) && !row.trackingNumber
          ? (await job.getTracking(order.orderNumber)).trackingNumber
          : row.trackingNumber;
      if (!this.applier.needsUpdate(row, order, tracking)) {
        continue;
      }
      // Only a new item state or tracking number counts; a refreshed provider code does not.
      const moves =
        itemStateFor(row.status) !== itemStateFor(order.status) || tracking !== row.trackingNumber;
      changed.push({ row, order, tracking, moves });
    }
    const applied = await this.applier.applyAll(state.accountId, changed);
    let moved = 0;
    applied.forEach((change, index) => {
      if (changed[index]?.moves) {
        moved += change?.itemIds.length ?? 0;
      }
    });

    return moved;
  }
}
