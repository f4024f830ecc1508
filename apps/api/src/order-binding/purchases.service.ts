import { Inject, Injectable } from '@nestjs/common';
import type { StartedActivityDto } from '@autobuy/contracts';

import type { ActivitiesEngine } from '../activities/activities-engine';
import { ACTIVITIES_ENGINE } from '../activities/activities.tokens';
import type { OrderItemEntity } from '../orders/entities/order-item.entity';
import { OrderItemStates } from '../orders/item-states';
import { OrdersService } from '../orders/orders.service';
import { AccountsService } from '../providers/accounts.service';
import { BindingError, BindingErrorCode } from './binding.error';
import { BindingStore } from './binding-store';
import {
  PROVIDER_ACCESS,
  type WorkflowProviderAccess,
  sessionErrorCode,
} from './provider-access.port';
import type { ReserveInput } from './reserve/reserve.handler';

/** Provider order statuses after which an order can no longer be unbound (cancelled). */
const PAID_STATUSES = new Set(['paid', 'partly_shipped', 'shipped', 'finished', 'closed']);

function titles(items: OrderItemEntity[]): string {
  return items.map((item) => `"${item.title}"`).join(', ');
}

/**
 * Checks a purchase request against the database and starts its activity. What can be refused
 * without the provider is refused here, synchronously, so the caller learns it at once.
 */
@Injectable()
export class PurchasesService {
  constructor(
    @Inject(ACTIVITIES_ENGINE) private readonly engine: ActivitiesEngine,
    @Inject(PROVIDER_ACCESS) private readonly access: WorkflowProviderAccess,
    private readonly orders: OrdersService,
    private readonly items: OrderItemStates,
    private readonly bindings: BindingStore,
    private readonly accounts: AccountsService,
  ) {}

  async reserve(
    request: { orderId: string; itemIds: string[]; sessionId: string },
    startedBy: string,
  ): Promise<StartedActivityDto> {
    const itemIds = [...new Set(request.itemIds)];
    const items = await this.itemsOfOrder(request.orderId, itemIds);
    const session = await this.session(request.sessionId);
    const wrongProvider = items.filter((item) => item.provider !== session.provider);
    if (wrongProvider.length > 0) {
      throw new BindingError(
        BindingErrorCode.ItemsNotAvailable,
        `Items ${titles(wrongProvider)} are not sold by ${session.provider}; choose a session of their provider`,
        { itemIds: wrongProvider.map((item) => item.id) },
      );
    }
    const unavailable = items.filter(
      (item) => item.state !== 'available' && item.state !== 'reserving',
    );
    if (unavailable.length > 0) {
      throw new BindingError(
        BindingErrorCode.ItemsNotAvailable,
        `Items ${titles(unavailable)} are not available for a reservation (already ${unavailable[0]?.state})`,
        { itemIds: unavailable.map((item) => item.id) },
      );
    }

    const claim = await this.items.claim(request.orderId, itemIds, session.accountId);
    if (!claim.claimed) {
      throw this.alreadyClaimed(claim.taken.length > 0 ? claim.taken : items);
    }

    const input: ReserveInput = {
      orderId: request.orderId,
      itemIds,
      sessionId: session.id,
      accountId: session.accountId,
      provider: session.provider,
    };
    const activity = await this.engine.service.start({
      kind: 'reserve',
      accountId: session.accountId,
      orderId: request.orderId,
      startedBy,
      summary: `Reserve ${itemIds.length} item(s) on ${session.nickname}`,
      input: { ...input },
    });

    return { activityId: activity.id };
  }

  async unbind(
    request: { orderId: string; itemIds: string[]; accountId: string },
    startedBy: string,
  ): Promise<StartedActivityDto> {
    const itemIds = [...new Set(request.itemIds)];
    const items = await this.itemsOfOrder(request.orderId, itemIds);
    const account = await this.account(request.accountId);
    const active = await this.bindings.activeBindings(itemIds);
    const boundIds = new Set(
      active
        .filter((entry) => entry.providerOrder.accountId === account.id)
        .map((entry) => entry.binding.orderItemId),
    );
    const unbound = items.filter((item) => !boundIds.has(item.id));
    if (unbound.length > 0) {
      throw new BindingError(
        BindingErrorCode.ItemsNotBound,
        `Items ${titles(unbound)} are not bound to a provider order of ${account.login}`,
        { itemIds: unbound.map((item) => item.id) },
      );
    }
    const paid = active.filter((entry) => PAID_STATUSES.has(entry.providerOrder.status));
    if (paid.length > 0) {
      const numbers = [...new Set(paid.map((entry) => entry.providerOrder.orderNumber))];
      throw new BindingError(
        BindingErrorCode.OrderPaid,
        `Provider order ${numbers.join(', ')} is already paid and cannot be unbound; ask the seller for a refund instead`,
        { orderNumbers: numbers, itemIds: paid.map((entry) => entry.binding.orderItemId) },
      );
    }

    const activity = await this.engine.service.start({
      kind: 'unbind',
      accountId: account.id,
      orderId: request.orderId,
      startedBy,
      summary: `Unbind ${itemIds.length} item(s) on ${account.login}`,
      input: {
        orderId: request.orderId,
        itemIds,
        accountId: account.id,
        provider: account.provider,
      },
    });

    return { activityId: activity.id };
  }

  async bind(
    request: { orderId: string; accountId: string; providerOrderNumber: string },
    startedBy: string,
  ): Promise<StartedActivityDto> {
    await this.orders.detail(request.orderId);
    const account = await this.account(request.accountId);
    const orderNumber = request.providerOrderNumber.trim();

    const activity = await this.engine.service.start({
      kind: 'bind',
      accountId: account.id,
      orderId: request.orderId,
      startedBy,
      summary: `Bind provider order ${orderNumber} on ${account.login}`,
      input: {
        orderId: request.orderId,
        accountId: account.id,
        provider: account.provider,
        providerOrderNumber: orderNumber,
      },
    });

    return { activityId: activity.id };
  }

  private alreadyClaimed(items: OrderItemEntity[]): BindingError {
    return new BindingError(
      BindingErrorCode.ItemAlreadyClaimed,
      `Items ${titles(items)} are being reserved by another request right now`,
      { itemIds: items.map((item) => item.id) },
    );
  }

  private async itemsOfOrder(orderId: string, itemIds: string[]): Promise<OrderItemEntity[]> {
    const order = await this.orders.detail(orderId);
    const inOrder = new Set(order.items.map((item) => item.id));
    const foreign = itemIds.filter((id) => !inOrder.has(id));
    if (foreign.length > 0) {
      throw new BindingError(
        BindingErrorCode.ItemsNotInOrder,
        `Items ${foreign.join(', ')} are not items of order ${order.externalId}`,
        { itemIds: foreign },
      );
    }

    return this.items.items(itemIds);
  }

  private async session(sessionId: string) {
    try {
      return (await this.access.accountAccess(sessionId)).session;
    } catch (error) {
      if (
        sessionErrorCode(error) !== null ||
        (error as { code?: string }).code === 'session_not_found'
      ) {
        throw new BindingError(
          BindingErrorCode.SessionNotUsable,
          `The session cannot be used: ${(error as Error).message}`,
          { sessionId },
        );
      }

      throw error;
    }
  }

  private async account(accountId: string) {
    try {
      return await this.accounts.get(accountId);
    } catch {
      throw new BindingError(
        BindingErrorCode.AccountNotFound,
        `Account ${accountId} does not exist`,
      );
    }
  }
}
