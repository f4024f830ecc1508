import type { OrderDto, OrderItemDto, ProviderSessionDto } from '@autobuy/contracts';

/** The order's cached items take the changed ones (matched by id); the others stay as they are. */
export function patchOrderItems(order: OrderDto, changed: readonly OrderItemDto[]): OrderDto {
  const byId = new Map(changed.map((item) => [item.id, item]));
  const items = order.items.map((item) => byId.get(item.id) ?? item);

  return { ...order, items };
}

/**
 * A session list of one provider takes a changed session: replaced where it is listed, added
 * when it is new (a popup login just finished), left alone when it belongs to another provider.
 */
export function patchSessionList(
  sessions: ProviderSessionDto[],
  session: ProviderSessionDto,
  listProvider: string | undefined,
): ProviderSessionDto[] {
  if (listProvider !== undefined && listProvider !== session.provider) {
    return sessions;
  }
  if (sessions.some((known) => known.id === session.id)) {
    return sessions.map((known) => (known.id === session.id ? session : known));
  }

  return [...sessions, session];
}
