// The harness as the operator: waits for activities to end and answers their questions with a
// fixed policy, checking the provider's order list (the Sandbox's ground truth) where a person
// would look at the provider's website.
import { type ActivityDetailDto, type OrderDto, WORKFLOW_CHOICES as C } from '@autobuy/contracts';

import type { AdminClient, SandboxControl } from './http';

export const FINAL_STATES = ['succeeded', 'partly_succeeded', 'failed', 'aborted', 'cancelled'];

export interface SandboxOrder {
  bizOrderId: string;
  login: string;
  status: string;
  subOrders: { itemId: string; skuId: string | null; quantity: number }[];
}

export async function sandboxOrders(sandbox: SandboxControl, login: string) {
  const path = `/orders?login=${encodeURIComponent(login)}`;

  return (await sandbox.call<{ orders: SandboxOrder[] }>('GET', path)).orders;
}

export interface Settled {
  activity: ActivityDetailDto;
  /** Not final after the deadline: a stuck activity. */
  stuck: boolean;
  answers: number;
  retried?: boolean;
}

/** The product's words for "this account must be logged in again". */
const LOG_IN_AGAIN = /log in again/i;

export class Operator {
  // One login at a time per account: activities failing together ask for it together.
  private readonly logins = new Map<string, Promise<unknown>>();

  constructor(
    private readonly admin: AdminClient,
    private readonly sandbox: SandboxControl,
    /** Where the end of every activity that did not succeed is told, with its reason. */
    private readonly log: (line: string) => void = () => undefined,
    /** Logs the account in again, as the operator does in the popup when told to. */
    private readonly logInAgain: ((login: string) => Promise<unknown>) | null = null,
  ) {}

  /** Before a retry or a cancel: a failure that asks for a new login gets one first. */
  private async heed(activity: ActivityDetailDto, login: string): Promise<void> {
    if (!this.logInAgain || !LOG_IN_AGAIN.test(activity.reason ?? '')) {
      return;
    }
    let pending = this.logins.get(login);
    if (!pending) {
      pending = this.logInAgain(login)
        .catch((error: unknown) => this.log(`${login} could not log in again: ${String(error)}`))
        .finally(() => this.logins.delete(login));
      this.logins.set(login, pending);
    }
    await pending;
  }

  /** Polls the activity until it ends, answering its questions; gives up at the deadline. */
  async settle(activityId: string, login: string, timeoutMs: number): Promise<Settled> {
    const deadline = Date.now() + timeoutMs;
    let answers = 0;
    for (;;) {
      const activity = await this.admin.call<ActivityDetailDto>('GET', `/activities/${activityId}`);
      if (FINAL_STATES.includes(activity.state)) {
        if (activity.state !== 'succeeded') {
          this.log(
            `${activity.kind} ${activityId} ended ${activity.state}: ${activity.reason ?? ''}`,
          );
        }

        return { activity, stuck: false, answers };
      }
      if (Date.now() > deadline) {
        this.log(
          `${activity.kind} ${activityId} still ${activity.state} at ${activity.step ?? ''}`,
        );
        return { activity, stuck: activity.state !== 'waiting_for_operator', answers };
      }
      const question = activity.openQuestion;
      if (activity.state === 'waiting_for_operator' && question) {
        const choice = await this.choose(activity, login);
        await this.admin
          .call('POST', `/activities/${activityId}/answers`, { questionId: question.id, choice })
          .catch(() => undefined); // Answered meanwhile (deadline default): read it again.
        answers++;
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /**
   * Settles the activity; one that failed in a step (a provider error where nothing decides
   * for it, its items still claimed) is retried once from that step, as the operator would,
   * and cancelled when it fails again.
   */
  async settleWithRetry(activityId: string, login: string, timeoutMs: number): Promise<Settled> {
    const first = await this.settle(activityId, login, timeoutMs);
    if (first.activity.state !== 'failed' || first.activity.failedStep === null) {
      return first;
    }
    await this.heed(first.activity, login);
    const retried = await this.admin
      .call('POST', `/activities/${activityId}/retry`)
      .then(() => true)
      .catch(() => false);
    if (!retried) {
      return first;
    }
    const second = await this.settle(activityId, login, timeoutMs);
    const answers = first.answers + second.answers;
    if (second.activity.state !== 'failed') {
      return { ...second, answers, retried: true };
    }
    // Failed again: cancelling gives its items back.
    await this.heed(second.activity, login);
    const cancelled = await this.admin
      .call('POST', `/activities/${activityId}/cancel`)
      .then(() => true)
      .catch(() => false);
    if (!cancelled) {
      return { ...second, answers, retried: true };
    }
    const third = await this.settle(activityId, login, timeoutMs);

    return { ...third, answers: answers + third.answers, retried: true };
  }

  /**
   * The policy: accept a new price; skip an item whose offer changed; stop at a deal limit;
   * keep a provider order holding other items; resubmit an unclear submit only when the
   * provider holds no open order of its items, otherwise mark it failed (the order is then
   * bound by hand, see `bindLeftovers`).
   */
  private async choose(activity: ActivityDetailDto, login: string): Promise<string> {
    const options = (activity.openQuestion?.options ?? []).map((option) => option.id);
    if (options.includes(C.acceptPrice)) {
      return C.acceptPrice;
    }
    if (options.includes(C.skipItem)) {
      return C.skipItem;
    }
    if (options.includes(C.resubmit)) {
      const held = await this.heldUnbound(activity, login);

      return held.length === 0 ? C.resubmit : C.markFailed;
    }
    if (options.includes(C.keepOrder)) {
      return C.keepOrder;
    }
    if (options.includes(C.stop)) {
      return C.stop;
    }

    return activity.openQuestion?.defaultChoice ?? options[0] ?? C.abort;
  }

  /** Open provider orders holding one of the order's unreserved items that no item is bound to. */
  async heldUnbound(activity: { orderId?: string | null }, login: string) {
    if (!activity.orderId) {
      return [];
    }
    const order = await this.admin.call<OrderDto>('GET', `/orders/${activity.orderId}`);
    const boundNumbers = new Set(order.items.map((item) => item.providerOrderNumber));
    const open = order.items.filter((item) => item.state !== 'reserved');
    const orders = await sandboxOrders(this.sandbox, login);

    return orders.filter(
      (one) =>
        one.status === 'WAIT_BUYER_PAY' &&
        !boundNumbers.has(one.bizOrderId) &&
        one.subOrders.some((line) =>
          open.some((item) => item.providerItemId === line.itemId && item.skuId === line.skuId),
        ),
    );
  }

  /**
   * After "mark failed", the operator binds the provider orders that do exist to the order, as
   * the question asks them to check; returns the bind activities started.
   */
  async bindLeftovers(orderId: string, accountId: string, login: string): Promise<string[]> {
    const held = await this.heldUnbound({ orderId }, login);
    const started: string[] = [];
    for (const order of held) {
      const bind = await this.admin.call<{ activityId: string }>('POST', '/bindings', {
        orderId,
        accountId,
        providerOrderNumber: order.bizOrderId,
      });
      started.push(bind.activityId);
    }

    return started;
  }
}
