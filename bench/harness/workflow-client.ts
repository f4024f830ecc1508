// Shop-side calls the parts share: accounts logged in, orders imported, activities started.
import type { OrderDto } from '@autobuy/contracts';

import { type Sku, lineFor } from './catalogue';
import type { AdminClient, SandboxControl } from './http';
import type { Ledger } from './ledger';
import type { SessionDesk } from './session-desk';

export interface Buyer {
  login: string;
  accountId: string;
  sessionId: string;
}

export async function buyer(
  desk: SessionDesk,
  admin: AdminClient,
  sandbox: SandboxControl,
  ledger: Ledger,
  login: string,
): Promise<Buyer> {
  const accountId = await desk.addAccount(admin, sandbox, login);
  ledger.accounts.set(login, accountId);

  return { login, accountId, sessionId: await desk.login(login) };
}

let orderSeq = 0;

export async function importOrder(
  admin: AdminClient,
  ledger: Ledger,
  login: string,
  skus: Sku[],
): Promise<OrderDto> {
  const externalId = `harness-${Date.now()}-${++orderSeq}`;
  const order = await admin.call<OrderDto>('POST', '/orders', {
    externalId,
    customerName: 'Harness',
    items: skus.map((sku, i) => lineFor(sku, `${externalId}-${i}`)),
  });
  ledger.orders.set(order.id, login);

  return order;
}

export async function reserve(
  admin: AdminClient,
  ledger: Ledger,
  who: Buyer,
  orderId: string,
  itemIds: string[],
): Promise<string> {
  const started = await admin.call<{ activityId: string }>('POST', '/reservations', {
    orderId,
    itemIds,
    sessionId: who.sessionId,
  });
  ledger.activities.set(started.activityId, who.login);
  itemIds.forEach((id) => ledger.asked.add(id));

  return started.activityId;
}

export async function unbind(
  admin: AdminClient,
  ledger: Ledger,
  who: Buyer,
  orderId: string,
  itemIds: string[],
): Promise<string> {
  const started = await admin.call<{ activityId: string }>('POST', '/unbindings', {
    orderId,
    itemIds,
    accountId: who.accountId,
  });
  ledger.activities.set(started.activityId, who.login);
  itemIds.forEach((id) => ledger.asked.add(id));

  return started.activityId;
}
