import type { ProviderCode, WorkflowItemState } from '@autobuy/contracts';

/** One order item inside a reservation, as the activity's checkpoint carries it. */
export interface ReserveItem {
  itemId: string;
  title: string;
  providerItemId: string;
  skuId: string | null;
  quantity: number;
  sellerId: string;
  /** The unit price the customer agreed to; an accepted price change replaces it. */
  expectedPrice: string;
  expectedConfiguration: string | null;
  outcome: 'pending' | Exclude<WorkflowItemState, 'pending' | 'bound' | 'unbound'>;
  reason?: string;
  orderNumber?: string;
}

export type IssueKind = 'configuration' | 'price' | 'stock';

/** Something about one item the operator must decide before the submit. */
export interface ItemIssue {
  itemId: string;
  kind: IssueKind;
  oldPrice: string | null;
  newPrice: string | null;
  oldConfiguration: string | null;
  newConfiguration: string | null;
  stock: number | null;
}

export interface ReserveState {
  orderId: string;
  provider: ProviderCode;
  sessionId: string;
  accountId: string;
  items: ReserveItem[];
  /** Questions still to ask, first one open. */
  issues: ItemIssue[];
  /** Submits retried after a provider hiccup before anything was sent. */
  retries: number;
  /** Resubmits after a reconciliation proved the last attempt created nothing. */
  resubmits: number;
  ordersCreated: number;
  ordersFound: number;
  /** Why the activity stopped early (abort, stop); null while it goes on. */
  stopReason: string | null;
}

export function pendingItems(state: ReserveState): ReserveItem[] {
  return state.items.filter((item) => item.outcome === 'pending');
}

export function withItems(
  state: ReserveState,
  change: (item: ReserveItem) => ReserveItem,
): ReserveState {
  return { ...state, items: state.items.map(change) };
}
