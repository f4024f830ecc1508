import { Inject, Injectable } from '@nestjs/common';
import { WORKFLOW_CHOICES as C, type ProviderCode } from '@autobuy/contracts';
import {
  ChallengeRequiredError,
  DealLimitReachedError,
  type DeliveryAddress,
  ItemOutdatedError,
  NotBuyableError,
  type ProviderJob,
  SessionExpiredError,
  isProviderError,
} from '@autobuy/provider-adapters';

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
import { ProvidersService } from '../../providers/providers.service';
import { noteSessionEnd, withAccountJob } from '../account-job';
import { AttemptStore } from '../attempt-store';
import { BindingStore } from '../binding-store';
import type { OrderAttemptEntity } from '../entities/order-attempt.entity';
import { ItemWriter } from '../item-writer';
import {
  PROVIDER_ACCESS,
  type WorkflowProviderAccess,
  sessionErrorCode,
} from '../provider-access.port';
import { checkOffer } from './offer-check';
import { matchAttempt } from './reconcile-match';
import { dealLimitQuestion, itemIssueQuestion, unclearSubmitQuestion } from './reserve.questions';
import { type ItemIssue, type ReserveState, pendingItems, withItems } from './reserve.state';

/** Input of a `reserve` activity, checked by the reservations service before it starts. */
export interface ReserveInput {
  orderId: string;
  itemIds: string[];
  sessionId: string;
  accountId: string;
  provider: ProviderCode;
}

/** Provider hiccups (5xx, timeouts) before anything was submitted are retried this often. */
const PRE_SUBMIT_RETRIES = 2;
/** A reconciliation that proves the last submit created nothing resubmits this often. */
const AUTO_RESUBMITS = 1;
/** Provider and our clocks may differ; orders this much older than the attempt still match. */
const CLOCK_ALLOWANCE_MS = 10 * 60 * 1000;
/** Pages of the provider's order list searched for an attempt's orders (newest first). */
const RECONCILE_PAGES = 2;
// Offers are read as JSON requests from the job's page, a few at once (like the cart).
const OFFER_CONCURRENCY = 6;

type Ctx = StepContext<ReserveState>;

/**
 * The `reserve` workflow: check the offers → ask about what changed → submit one checkout
 * (the provider splits it per seller) → reconcile any attempt whose outcome is unknown →
 * finish. Every submit is an order attempt committed first; a re-run of `submit` after a crash
 * finds that attempt and reconciles instead of submitting again.
 */
@Injectable()
export class ReserveHandler {
  constructor(
    @Inject(PROVIDER_ACCESS) private readonly access: WorkflowProviderAccess,
    private readonly providers: ProvidersService,
    private readonly items: OrderItemStates,
    private readonly bindings: BindingStore,
    private readonly attempts: AttemptStore,
    private readonly writer: ItemWriter,
  ) {}

  handler(): ActivityHandler {
    return defineHandler<ReserveState>({
      kind: 'reserve',
      firstStep: 'load',
      initialState: (input) => {
        const { orderId, sessionId, accountId, provider } = input as unknown as ReserveInput;

        return {
          orderId,
          provider,
          sessionId,
          accountId,
          items: (input as unknown as ReserveInput).itemIds.map((itemId) => ({
            itemId,
            title: '',
            providerItemId: '',
            skuId: null,
            quantity: 0,
            sellerId: '',
            expectedPrice: '0',
            expectedConfiguration: null,
            outcome: 'pending' as const,
          })),
          issues: [],
          retries: 0,
          resubmits: 0,
          ordersCreated: 0,
          ordersFound: 0,
          stopReason: null,
        };
      },
      steps: {
        load: (ctx) => this.load(ctx),
        check: (ctx) => this.check(ctx),
        answer: (ctx) => this.answer(ctx),
        submit: (ctx) => this.submit(ctx),
        dealLimit: (ctx) => this.dealLimit(ctx),
        reconcile: (ctx) => this.reconcile(ctx),
        unclear: (ctx) => this.unclear(ctx),
        finish: (ctx) => this.finish(ctx),
      },
    });
  }

  /** Reads the claimed items and refuses Tmall items at once, before any provider call. */
  private async load(ctx: Ctx): Promise<StepResult<ReserveState>> {
    const rows = await this.items.items(ctx.state.items.map((item) => item.itemId));
    const byId = new Map(rows.map((row) => [row.id, row]));
    let state = withItems(ctx.state, (item) => {
      const row = byId.get(item.itemId);
      if (!row) {
        return { ...item, outcome: 'failed', reason: 'The item no longer exists in the order' };
      }

      return {
        ...item,
        title: row.title,
        providerItemId: row.providerItemId,
        skuId: row.skuId,
        quantity: row.quantity,
        sellerId: row.sellerId,
        expectedPrice: row.unitPrice,
        expectedConfiguration: row.configuration,
        outcome: row.isTmall ? 'refused' : item.outcome,
        reason: row.isTmall
          ? `Tmall item (${row.sellerName}): Tmall items cannot be bought automatically`
          : item.reason,
      };
    });
    state = await this.settleRefusals(ctx, state);
    const sellers = new Set(pendingItems(state).map((item) => item.sellerId));
    await ctx.progress(
      { orderLinesFound: state.items.length, itemsDone: 0, itemsFailed: this.failedCount(state) },
      `${state.items.length} item(s) to reserve from ${sellers.size} seller(s)`,
    );

    return next('check', state);
  }

  /**
   * Checks every pending item against the provider's current offer. When nothing needs the
   * operator, the checkout follows in the same browser job: a second job would rebuild the
   * browser context and land on the site again, which cost more than the checks themselves.
   */
  private async check(ctx: Ctx): Promise<StepResult<ReserveState>> {
    // A crash after a checkout made from here re-runs this step: its attempt decides.
    if ((await this.attempts.openOf(ctx.activity.id)).length > 0) {
      return next('reconcile', ctx.state);
    }
    const adopted = await this.adoptBound(ctx, ctx.state);
    const pending = pendingItems(adopted);
    if (pending.length === 0) {
      return next('finish', adopted);
    }

    const provider = await this.providers.get(ctx.state.provider);
    let submitting = false;
    try {
      // The account's newest session, not the one the reservation started on: after "log in
      // again" the operator retries with the new login.
      const account = { accountId: ctx.state.accountId };

      return await withAccountJob(this.access, account, async (job, session) => {
        const itemIds = [...new Set(pending.map((item) => item.providerItemId))];
        const offers = await mapLimited(itemIds, OFFER_CONCURRENCY, (id) => offerOf(job, id));
        const verdicts = new Map<string, ReturnType<typeof checkOffer>>();
        for (const item of pending) {
          const offer = offers[itemIds.indexOf(item.providerItemId)];
          verdicts.set(
            item.itemId,
            offer === null
              ? { kind: 'refused', reason: 'The item no longer exists on the provider' }
              : checkOffer(item, offer, provider.priceTolerancePercent),
          );
        }
        const state = await this.applyVerdicts(ctx, adopted, verdicts);
        const asked = this.askNextIssue(state);
        if (asked.type !== 'next' || asked.step !== 'submit') {
          return asked;
        }

        submitting = true;

        return this.submit(ctx, asked.state, { job, sessionId: session.id });
      });
    } catch (error) {
      if (submitting) {
        // The checkout handles the provider's errors itself; what escapes it is ours, and an
        // attempt may be open, so the step fails and its re-run reconciles.
        throw error;
      }

      return this.failBeforeSubmit(ctx, ctx.state, error, 'check');
    }
  }

  private async applyVerdicts(
    ctx: Ctx,
    checked: ReserveState,
    verdicts: Map<string, ReturnType<typeof checkOffer>>,
  ): Promise<ReserveState> {
    const issues: ItemIssue[] = [];
    const state = withItems(checked, (item) => {
      const verdict = verdicts.get(item.itemId);
      if (verdict?.kind === 'refused') {
        return { ...item, outcome: 'refused', reason: verdict.reason };
      }
      if (verdict?.kind === 'issue') {
        issues.push(verdict.issue);
      }

      return item;
    });
    await ctx.log(`Offers checked: ${issues.length} item(s) need a decision`);

    return this.settleRefusals(ctx, { ...state, issues });
  }

  private askNextIssue(state: ReserveState): StepResult<ReserveState> {
    const issue = state.issues[0];
    if (!issue) {
      return next('submit', state);
    }
    const item = state.items.find((one) => one.itemId === issue.itemId);
    if (!item || item.outcome !== 'pending') {
      return this.askNextIssue({ ...state, issues: state.issues.slice(1) });
    }

    return ask(itemIssueQuestion(item, issue), 'answer', state);
  }

  /** Applies the operator's answer to the first open issue. */
  private async answer(ctx: Ctx): Promise<StepResult<ReserveState>> {
    const [issue, ...rest] = ctx.state.issues;
    const choice = ctx.answer?.choice ?? C.abort;
    if (!issue) {
      return next('submit', ctx.state);
    }
    const item = ctx.state.items.find((one) => one.itemId === issue.itemId);
    const title = item?.title ?? issue.itemId;
    let state: ReserveState = { ...ctx.state, issues: rest };

    switch (choice) {
      case C.acceptPrice:
        state = withItems(state, (one) =>
          one.itemId === issue.itemId
            ? { ...one, expectedPrice: issue.newPrice ?? one.expectedPrice }
            : one,
        );
        await ctx.log(`New price ${issue.newPrice ?? ''} accepted for "${title}"`);
        break;
      case C.cancelItem:
        state = await this.endItem(
          ctx,
          state,
          issue.itemId,
          'cancelled',
          'refused',
          `Cancelled by the operator: ${describeIssue(issue)}`,
        );
        break;
      case C.skipItem:
        state = await this.endItem(
          ctx,
          state,
          issue.itemId,
          'skipped',
          'available',
          `Skipped by the operator: ${describeIssue(issue)}`,
        );
        break;
      default:
        return this.stop(ctx, state, `Aborted by the operator at "${title}"`, 'aborted');
    }

    return this.askNextIssue(state);
  }

  /**
   * One checkout for every pending item; an open attempt is reconciled, never resubmitted.
   * `open` is the check's job and its session when the checkout follows it directly.
   */
  private async submit(
    ctx: Ctx,
    state: ReserveState = ctx.state,
    open?: { job: ProviderJob; sessionId: string },
  ): Promise<StepResult<ReserveState>> {
    // From the check's job, the check has just looked at attempts and bindings itself.
    if (!open) {
      if ((await this.attempts.openOf(ctx.activity.id)).length > 0) {
        return next('reconcile', state);
      }
      state = await this.adoptBound(ctx, state);
    }
    const pending = pendingItems(state);
    if (pending.length === 0) {
      return next('finish', state);
    }

    const provider = await this.providers.get(state.provider);
    const address = provider.needsWarehouse ? await this.address(state.provider) : emptyAddress();
    let attemptId: string | null = null;
    const inJob = <T>(work: (one: ProviderJob) => Promise<T>) =>
      open ? work(open.job) : withAccountJob(this.access, { accountId: state.accountId }, work);
    try {
      const result = await inJob((one) =>
        one.reserve({
          lines: pending.map((item) => ({
            lineId: item.itemId,
            itemId: item.providerItemId,
            skuId: item.skuId,
            quantity: item.quantity,
            expectedPrice: item.expectedPrice,
            expectedConfiguration: item.expectedConfiguration ?? undefined,
          })),
          address,
          priceTolerancePercent: provider.priceTolerancePercent,
          beforeSubmit: async () => {
            crashPoint('reserve.before-attempt');
            attemptId = await this.attempts.begin(
              ctx.activity.id,
              state.accountId,
              pending.map((item) => ({
                itemId: item.itemId,
                providerItemId: item.providerItemId,
                skuId: item.skuId,
                quantity: item.quantity,
              })),
            );
            crashPoint('reserve.after-attempt');
          },
        }),
      );
      if (attemptId === null) {
        throw new Error('The provider reported orders without submitting a checkout');
      }
      const id: string = attemptId;
      await this.attempts.mark(id, 'submitted', {
        orderNumbers: [
          ...result.orders.map((order) => order.orderNumber),
          ...result.unconfirmedOrderNumbers,
        ],
      });
      crashPoint('reserve.after-submit');
      const bound = result.orders.map((order) => ({
        orderNumber: order.orderNumber,
        status: order.status,
        sellerId: order.sellerId,
        sellerName: order.sellerName,
        totalFee: order.totalFee,
        itemIds: order.lineIds,
      }));
      const covered = new Set(bound.flatMap((order) => order.itemIds));
      const complete = pending.every((item) => covered.has(item.itemId));
      // Only a complete result closes the attempt; anything missing is looked for again.
      await this.writer.bindOrders(
        this.target(ctx),
        bound,
        complete ? { id, orderNumbers: bound.map((order) => order.orderNumber) } : undefined,
      );
      crashPoint('reserve.after-bind');
      const reserved = await this.markReserved(ctx, state, bound, 'created');

      return next(complete ? 'finish' : 'reconcile', reserved);
    } catch (error) {
      if (open) {
        // The check's job is still open, so the error has not passed `withAccountJob` yet.
        await noteSessionEnd(this.access, open.sessionId, error);
      }
      if (attemptId !== null) {
        await this.attempts.mark(attemptId, 'unknown', { error: describe(error) });
        await ctx.log(
          `The submit's outcome is unclear (${describe(error)}); checking the provider's order list`,
          undefined,
          'warn',
        );

        return next('reconcile', state);
      }

      return this.failBeforeSubmit(ctx, state, error, 'submit');
    }
  }

  /** Looks for the orders of every open attempt in the provider's order list. */
  private async reconcile(ctx: Ctx): Promise<StepResult<ReserveState>> {
    const open = await this.attempts.openOf(ctx.activity.id);
    let state = await this.adoptBound(ctx, ctx.state);
    const unclear: { attempt: OrderAttemptEntity; itemIds: string[] }[] = [];

    await withAccountJob(this.access, { accountId: state.accountId }, async (job) => {
      const orders = [];
      for (let page = 1; page <= RECONCILE_PAGES; page++) {
        const result = await job.listOrders({ page });
        orders.push(...result.orders);
        if (page >= result.totalPages) {
          break;
        }
      }
      const known = await this.bindings.ordersByNumber(
        state.provider,
        orders.map((o) => o.orderNumber),
      );
      const bound = await this.bindings.boundOrderIds([...known.values()].map((row) => row.id));
      const knownOrderNumbers = new Set(
        [...known.values()].filter((row) => bound.has(row.id)).map((row) => row.orderNumber),
      );

      for (const attempt of open) {
        const stillPending = new Set(pendingItems(state).map((item) => item.itemId));
        const lines = attempt.lines.filter((line) => stillPending.has(line.itemId));
        const match = matchAttempt(lines, orders, {
          notBeforeMs: attempt.startedAt.getTime() - CLOCK_ALLOWANCE_MS,
          knownOrderNumbers,
        });
        const found = match.found.map(({ order, itemIds }) => ({
          orderNumber: order.orderNumber,
          status: order.status,
          sellerId: order.sellerId,
          sellerName: order.sellerName,
          totalFee: order.totalFee,
          postFee: order.postFee,
          providerStatus: order.providerStatus,
          itemIds,
        }));
        found.forEach((order) => knownOrderNumbers.add(order.orderNumber));
        const numbers = [...attempt.orderNumbers, ...found.map((order) => order.orderNumber)];
        if (match.missingItemIds.length === 0) {
          await this.writer.bindOrders(this.target(ctx), found, {
            id: attempt.id,
            orderNumbers: numbers,
          });
        } else {
          await this.writer.bindOrders(this.target(ctx), found);
          if (found.length === 0) {
            // Nothing of it exists: the adapter found the lines still in the cart or the
            // order list without them, so the attempt provably created nothing.
            await this.attempts.mark(attempt.id, 'failed', {
              error: attempt.error ?? 'no order was created',
            });
          } else {
            unclear.push({ attempt, itemIds: match.missingItemIds });
          }
        }
        if (found.length > 0) {
          await ctx.log(
            `Found ${found.length} order(s) of an earlier submit in the provider's order list: ${found.map((o) => o.orderNumber).join(', ')}`,
          );
        }
        state = await this.markReserved(ctx, state, found, 'found');
      }
    });

    if (unclear.length > 0) {
      const itemIds = new Set(unclear.flatMap((entry) => entry.itemIds));
      const titles = state.items
        .filter((item) => itemIds.has(item.itemId))
        .map((item) => item.title);

      return ask(
        unclearSubmitQuestion(titles, unclear[0]?.attempt.error ?? 'no answer'),
        'unclear',
        state,
      );
    }
    if (pendingItems(state).length === 0) {
      return next('finish', state);
    }
    if (state.resubmits < AUTO_RESUBMITS) {
      await ctx.log('The provider holds no order of the last submit; submitting again');

      return next('submit', { ...state, resubmits: state.resubmits + 1 });
    }

    const titles = pendingItems(state).map((item) => item.title);

    return ask(unclearSubmitQuestion(titles, 'a resubmit failed too'), 'unclear', state);
  }

  /** The operator decided about a submit the provider's order list could not explain. */
  private async unclear(ctx: Ctx): Promise<StepResult<ReserveState>> {
    const open = await this.attempts.openOf(ctx.activity.id);
    const choice = ctx.answer?.choice ?? C.markFailed;
    for (const attempt of open) {
      await this.attempts.mark(attempt.id, 'failed', {
        error:
          choice === C.resubmit ? 'resubmitted by the operator' : 'marked failed by the operator',
      });
    }
    if (choice === C.resubmit) {
      return next('submit', ctx.state);
    }

    let state = ctx.state;
    for (const item of pendingItems(state)) {
      state = await this.endItem(
        ctx,
        state,
        item.itemId,
        'failed',
        'available',
        'The submit had no clear outcome and the operator marked the item failed; check the provider before reserving again',
      );
    }

    return next('finish', state);
  }

  /** The operator chose another session after a deal-limit refusal, or to stop. */
  private async dealLimit(ctx: Ctx): Promise<StepResult<ReserveState>> {
    const choice = ctx.answer?.choice ?? C.stop;
    if (!choice.startsWith(`${C.switchSession}:`)) {
      return this.stop(
        ctx,
        ctx.state,
        'Stopped: the account reached its limit of unpaid orders',
        'failed',
      );
    }

    const sessionId = choice.slice(C.switchSession.length + 1);
    const { session } = await this.access.accountAccess(sessionId);
    const itemIds = pendingItems(ctx.state).map((item) => item.itemId);
    await this.items.set(itemIds, { state: 'reserving', accountId: session.accountId }, undefined, [
      'reserving',
    ]);
    await ctx.log(`Continuing on ${session.nickname}`);

    return next('submit', { ...ctx.state, sessionId, accountId: session.accountId, retries: 0 });
  }

  private async finish(ctx: Ctx): Promise<StepResult<ReserveState>> {
    const state = ctx.state;
    // Nothing stays claimed once the activity ends.
    await this.writer.release(
      state.orderId,
      pendingItems(state).map((item) => item.itemId),
      'available',
      state.stopReason ?? 'The reservation ended before this item was reserved',
    );
    const reserved = state.items.filter((item) => item.outcome === 'reserved').length;
    const total = state.items.length;
    await ctx.progress({
      providerOrdersCreated: state.ordersCreated,
      providerOrdersFound: state.ordersFound,
      itemsDone: reserved,
      itemsFailed: total - reserved,
    });

    if (reserved === total) {
      return finish('succeeded');
    }
    const summary = `${reserved} of ${total} item(s) reserved`;
    if (state.stopReason) {
      return finish(
        reserved > 0 ? 'partly_succeeded' : 'aborted',
        `${state.stopReason}; ${summary}`,
      );
    }

    return finish(reserved > 0 ? 'partly_succeeded' : 'failed', summary);
  }

  /** A provider error before any submit: nothing was created, so the items can go back. */
  private async failBeforeSubmit(
    ctx: Ctx,
    state: ReserveState,
    error: unknown,
    step: 'check' | 'submit',
  ): Promise<StepResult<ReserveState>> {
    if (error instanceof ItemOutdatedError && step === 'submit') {
      const item = pendingItems(state).find((one) => one.providerItemId === error.itemId);
      if (item) {
        const issue: ItemIssue = {
          itemId: item.itemId,
          kind: error.field === 'price' ? 'price' : 'configuration',
          oldPrice: item.expectedPrice,
          newPrice: error.field === 'price' ? error.newValue : null,
          oldConfiguration: item.expectedConfiguration,
          newConfiguration: error.field === 'price' ? null : error.newValue,
          stock: null,
        };

        return this.askNextIssue({ ...state, issues: [issue] });
      }
    }
    const refusesPending = (itemId: string) =>
      pendingItems(state).some((item) => item.providerItemId === itemId);
    if (error instanceof NotBuyableError && refusesPending(error.itemId)) {
      const refused = withItems(state, (item) =>
        item.outcome === 'pending' && item.providerItemId === error.itemId
          ? {
              ...item,
              outcome: 'refused',
              reason: `The provider does not sell this item: ${error.text}`,
            }
          : item,
      );

      return next(step, await this.settleRefusals(ctx, refused));
    }
    if (error instanceof DealLimitReachedError) {
      const others = (await this.access.activeSessions(state.provider))
        .filter((session) => session.accountId !== state.accountId)
        .map((session) => ({ id: session.id, nickname: session.nickname }));
      await ctx.log(`Deal limit reached: ${error.providerText}`, undefined, 'warn');

      return ask(dealLimitQuestion(error.providerText, others), 'dealLimit', state);
    }
    if (error instanceof SessionExpiredError || sessionErrorCode(error) !== null) {
      return this.stop(
        ctx,
        state,
        `The session of this account has ended; log in again (${describe(error)})`,
        'failed',
      );
    }
    if (error instanceof ChallengeRequiredError) {
      return this.stop(
        ctx,
        state,
        `The provider asks for a ${error.kind} check; log in again in the popup to pass it, then reserve again`,
        'failed',
      );
    }
    const transient =
      isProviderError(error) &&
      ['provider_busy', 'timeout', 'browser_unavailable'].includes(error.code);
    if (transient && state.retries < PRE_SUBMIT_RETRIES) {
      await ctx.log(
        `The provider did not answer (${describe(error)}); trying again`,
        undefined,
        'warn',
      );

      return next(step, { ...state, retries: state.retries + 1 });
    }
    if (transient) {
      // Nothing was submitted, so the items go back and a later reservation is safe.
      const tries = PRE_SUBMIT_RETRIES + 1;
      const why = `The provider did not answer in ${tries} tries (${describe(error)})`;

      return this.stop(ctx, state, `${why}; reserve again later`, 'failed');
    }

    return this.stop(ctx, state, `The provider refused: ${describe(error)}`, 'failed');
  }

  /** Ends the activity early: pending items go back to available with the reason. */
  private async stop(
    ctx: Ctx,
    state: ReserveState,
    reason: string,
    _kind: 'aborted' | 'failed',
  ): Promise<StepResult<ReserveState>> {
    await ctx.log(reason, undefined, 'warn');

    return next('finish', { ...state, issues: [], stopReason: reason });
  }

  private async endItem(
    ctx: Ctx,
    state: ReserveState,
    itemId: string,
    outcome: 'cancelled' | 'skipped' | 'failed',
    to: 'available' | 'refused',
    reason: string,
  ): Promise<ReserveState> {
    await this.writer.release(state.orderId, [itemId], to, reason);
    await ctx.setItemState(itemId, outcome, reason);

    return withItems(state, (item) =>
      item.itemId === itemId ? { ...item, outcome, reason } : item,
    );
  }

  /** Writes refused items (Tmall, not sold) to the database and the activity once. */
  private async settleRefusals(ctx: Ctx, state: ReserveState): Promise<ReserveState> {
    const refused = state.items.filter(
      (item) => item.outcome === 'refused' || item.outcome === 'failed',
    );
    for (const item of refused) {
      const to = item.outcome === 'refused' ? 'refused' : 'available';
      await this.writer.release(state.orderId, [item.itemId], to, item.reason ?? 'refused');
      await ctx.setItemState(item.itemId, item.outcome, item.reason);
    }

    return state;
  }

  /**
   * Items this activity already bound that its checkpoint still calls pending: a crash came
   * between the binding's commit and the checkpoint. They are reserved; submitting them again
   * would place a second provider order.
   */
  private async adoptBound(ctx: Ctx, state: ReserveState): Promise<ReserveState> {
    const pendingIds = pendingItems(state).map((item) => item.itemId);
    const bound = (await this.bindings.activeBindings(pendingIds)).filter(
      ({ binding }) => binding.activityId === ctx.activity.id,
    );
    if (bound.length === 0) {
      return state;
    }

    // One entry per provider order: markReserved counts orders, not items.
    const itemsByNumber = new Map<string, string[]>();
    for (const { binding, providerOrder } of bound) {
      const itemIds = itemsByNumber.get(providerOrder.orderNumber) ?? [];
      itemIds.push(binding.orderItemId);
      itemsByNumber.set(providerOrder.orderNumber, itemIds);
    }
    const numbers = [...itemsByNumber.keys()];
    await ctx.log(`Provider order(s) ${numbers.join(', ')} were bound before an interruption`);
    const orders = [...itemsByNumber].map(([orderNumber, itemIds]) => ({ orderNumber, itemIds }));

    return this.markReserved(ctx, state, orders, 'created');
  }

  private async markReserved(
    ctx: Ctx,
    state: ReserveState,
    orders: { orderNumber: string; itemIds: string[] }[],
    how: 'created' | 'found',
  ): Promise<ReserveState> {
    const numberOf = new Map(
      orders.flatMap((order) => order.itemIds.map((id) => [id, order.orderNumber] as const)),
    );
    for (const [itemId, orderNumber] of numberOf) {
      await ctx.setItemState(itemId, 'reserved', `Provider order ${orderNumber}`);
    }
    const next_: ReserveState = {
      ...withItems(state, (item) => {
        const orderNumber = numberOf.get(item.itemId);

        return orderNumber
          ? { ...item, outcome: 'reserved', orderNumber, reason: undefined }
          : item;
      }),
      ordersCreated: state.ordersCreated + (how === 'created' ? orders.length : 0),
      ordersFound: state.ordersFound + (how === 'found' ? orders.length : 0),
    };
    await ctx.progress({
      providerOrdersCreated: next_.ordersCreated,
      providerOrdersFound: next_.ordersFound,
      itemsDone: next_.items.filter((item) => item.outcome === 'reserved').length,
      itemsFailed: this.failedCount(next_),
    });

    return next_;
  }

  private failedCount(state: ReserveState): number {
    return state.items.filter((item) => !['pending', 'reserved'].includes(item.outcome)).length;
  }

  private target(ctx: Ctx) {
    return {
      orderId: ctx.state.orderId,
      provider: ctx.state.provider,
      accountId: ctx.state.accountId,
      activityId: ctx.activity.id,
    };
  }

  private async address(provider: ProviderCode): Promise<DeliveryAddress> {
    const profile = await this.providers.getWarehouse(provider);

    return {
      recipientName: profile.recipientName,
      mobilePhone: profile.mobilePhone,
      regionCode: profile.regionCode,
      zipCode: profile.zipCode,
      address: profile.address,
    };
  }
}

function emptyAddress(): DeliveryAddress {
  return { recipientName: '', mobilePhone: '', regionCode: '', zipCode: '', address: '' };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describeIssue(issue: ItemIssue): string {
  switch (issue.kind) {
    case 'configuration':
      return 'its configuration is no longer offered';
    case 'price':
      return `its price changed from ${issue.oldPrice ?? '?'} to ${issue.newPrice ?? '?'}`;
    case 'stock':
      return `only ${issue.stock ?? 0} in stock`;
  }
}

async function offerOf(job: ProviderJob, itemId: string) {
  try {
    return await job.getItemOffer(itemId);
  } catch (error) {
    if (error instanceof NotBuyableError) {
      return null;
    }

    throw error;
  }
}

/** Runs `work` over `inputs` with at most `limit` at once, keeping the order of the inputs. */
async function mapLimited<I, O>(
  inputs: I[],
  limit: number,
  work: (input: I) => Promise<O>,
): Promise<O[]> {
  const results: O[] = new Array(inputs.length);
  let index = 0;
  const worker = async () => {
    while (index < inputs.length) {
      const mine = index++;
      results[mine] = await work(inputs[mine] as I);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));

  return results;
}
