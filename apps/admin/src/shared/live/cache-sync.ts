import type {
  ActivityChangedMessage,
  ActivityDetailDto,
  ActivityEventDto,
  ActivityUpdateMessage,
  AttentionCountMessage,
  OrderDto,
  OrderItemsMessage,
  ProviderSessionDto,
  SessionUpdateMessage,
} from '@autobuy/contracts';
import type { QueryClient } from '@tanstack/react-query';

import { queryKeys } from '../api/query-keys';
import { applyActivityChange } from './activity-list-sync';
import {
  appendEvent,
  applyEventToDetail,
  patchActivityPages,
  type ActivityPages,
} from './activity-patches';
import type { LiveClient } from './live-client';
import { LIVE } from './live-events';
import { patchOrderItems, patchSessionList } from './workflow-patches';

// Events seen lately per activity, newest last. A fetch that was answered before some of them
// were written (they arrived while it was on its way) takes them from here once it lands.
const RECENT_PER_ACTIVITY = 500;
const RECENT_ACTIVITIES = 50;

class RecentEvents {
  private readonly byActivity = new Map<string, ActivityEventDto[]>();

  add(event: ActivityEventDto): void {
    const list = this.byActivity.get(event.activityId) ?? [];
    this.byActivity.delete(event.activityId);
    this.byActivity.set(event.activityId, [...list, event].slice(-RECENT_PER_ACTIVITY));
    if (this.byActivity.size > RECENT_ACTIVITIES) {
      const oldest = this.byActivity.keys().next().value;
      if (oldest !== undefined) this.byActivity.delete(oldest);
    }
  }

  after(activityId: string, seq: number): ActivityEventDto[] {
    return (this.byActivity.get(activityId) ?? []).filter((event) => event.seq > seq);
  }
}

/** Applies what arrived after a fetched detail or log was read, once it is in the cache. */
function catchUp(queryClient: QueryClient, recent: RecentEvents, key: readonly unknown[]): void {
  if (key[0] !== 'activities' || typeof key[2] !== 'string') {
    return;
  }
  const activityId = key[2];
  if (key[1] === 'detail') {
    let detail = queryClient.getQueryData<ActivityDetailDto>(key);
    for (const event of recent.after(activityId, detail?.lastSeq ?? Infinity)) {
      const outcome = detail ? applyEventToDetail(detail, event) : null;
      if (outcome?.kind !== 'applied') break;
      detail = outcome.value;
    }
    if (detail !== queryClient.getQueryData(key)) queryClient.setQueryData(key, detail);
  } else if (key[1] === 'events') {
    let events = queryClient.getQueryData<ActivityEventDto[]>(key);
    const last = events?.at(-1)?.seq ?? 0;
    for (const event of recent.after(activityId, events ? last : Infinity)) {
      const outcome = events ? appendEvent(events, event) : null;
      if (outcome?.kind !== 'applied') break;
      events = outcome.value;
    }
    if (events !== queryClient.getQueryData(key)) queryClient.setQueryData(key, events);
  }
}

function onActivityEvent(queryClient: QueryClient, event: ActivityEventDto): void {
  const detailKey = queryKeys.activity(event.activityId);
  const detail = queryClient.getQueryData<ActivityDetailDto>(detailKey);
  if (detail) {
    const outcome = applyEventToDetail(detail, event);
    if (outcome.kind === 'applied') {
      queryClient.setQueryData(detailKey, outcome.value);
    } else if (outcome.kind === 'gap') {
      void queryClient.invalidateQueries({ queryKey: detailKey });
    }
  }

  const eventsKey = queryKeys.activityEvents(event.activityId);
  const events = queryClient.getQueryData<ActivityEventDto[]>(eventsKey);
  if (events) {
    const outcome = appendEvent(events, event);
    if (outcome.kind === 'applied') {
      queryClient.setQueryData(eventsKey, outcome.value);
    } else if (outcome.kind === 'gap') {
      void queryClient.invalidateQueries({ queryKey: eventsKey });
    }
  }

  // The lists show the same activity: the event carries what they need except the state of a
  // question event, which the list patch derives.
  onActivityUpdate(
    queryClient,
    {
      activity: {
        id: event.activityId,
        kind: detail?.kind ?? 'reserve',
        state: detail?.state ?? 'running',
        accountId: detail?.accountId ?? null,
        orderId: detail?.orderId ?? null,
        lastSeq: event.seq,
      },
      event,
    },
    Boolean(detail),
  );
}

function onActivityUpdate(
  queryClient: QueryClient,
  update: ActivityUpdateMessage,
  stateKnown = true,
): void {
  let listed = false;
  for (const [key, data] of queryClient.getQueriesData<ActivityPages>({
    queryKey: queryKeys.activityLists,
  })) {
    if (!data) {
      continue;
    }
    const patched = patchActivityPages(data, update, stateKnown);
    listed ||= patched.found;
    if (patched.value !== data) {
      queryClient.setQueryData(key, patched.value);
    }
  }

  // A new activity of a watched order or account: the lists must fetch it to show it.
  if (!listed && update.event.type === 'state' && update.event.data?.state === 'queued') {
    void queryClient.invalidateQueries({ queryKey: queryKeys.activityLists });
  }
}

/**
 * Keeps the query cache in step with the live channel: activity events patch the activity's
 * detail, log and list rows; the summaries of every activity's state changes patch the lists
 * (and which lists hold them); item and session messages patch the order and session lists; the
 * attention count feeds the side-menu badge. Returns the function that stops it.
 */
export function syncCacheWithLive(client: LiveClient, queryClient: QueryClient): () => void {
  const recent = new RecentEvents();
  const stops = [
    client.on<ActivityEventDto>(LIVE.activityEvent, (event) => {
      recent.add(event);
      onActivityEvent(queryClient, event);
    }),
    queryClient.getQueryCache().subscribe((change) => {
      // Only answers of the server: our own setQueryData calls are marked manual.
      if (change.type === 'updated' && change.action.type === 'success' && !change.action.manual) {
        catchUp(queryClient, recent, change.query.queryKey);
      }
    }),
    client.on<ActivityUpdateMessage>(LIVE.activityUpdate, (update) =>
      onActivityUpdate(queryClient, update),
    ),
    client.on<ActivityChangedMessage>(LIVE.activityChanged, (change) =>
      applyActivityChange(queryClient, change),
    ),
    client.on<AttentionCountMessage>(LIVE.attentionCount, (message) =>
      queryClient.setQueryData(queryKeys.attentionCount, message.count),
    ),
    client.on<OrderItemsMessage>(LIVE.orderItems, (message) =>
      queryClient.setQueryData<OrderDto>(queryKeys.order(message.orderId), (order) =>
        order ? patchOrderItems(order, message.items) : order,
      ),
    ),
    client.on<SessionUpdateMessage>(LIVE.sessionUpdate, (message) => {
      for (const [key] of queryClient.getQueriesData<ProviderSessionDto[]>({
        queryKey: queryKeys.sessions,
      })) {
        const provider = typeof key[1] === 'string' ? key[1] : undefined;
        queryClient.setQueryData<ProviderSessionDto[]>(key, (sessions) =>
          sessions ? patchSessionList(sessions, message.session, provider) : sessions,
        );
      }
    }),
  ];

  return () => {
    for (const stop of stops) {
      stop();
    }
  };
}
