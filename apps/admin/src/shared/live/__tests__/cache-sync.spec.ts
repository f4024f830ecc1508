import type { ActivityDetailDto, ActivityEventDto, OrderDto } from '@autobuy/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import {
  activity,
  activityDetail,
  event,
  question,
  session,
} from '../../../test/activity-fixtures';
import { order, orderItem } from '../../../test/order-fixtures';
import { queryKeys } from '../../api/query-keys';
import { syncCacheWithLive } from '../cache-sync';
import { LiveClient } from '../live-client';
import { FakeSocket } from './fake-socket';

function setUp() {
  const socket = new FakeSocket();
  const client = new LiveClient(socket);
  const queryClient = new QueryClient();
  syncCacheWithLive(client, queryClient);
  client.start();

  return { socket, queryClient };
}

const detailOf = (queryClient: QueryClient) =>
  queryClient.getQueryData<ActivityDetailDto>(queryKeys.activity('act-1'));

describe('live cache sync', () => {
  it('should move the counters and item results of a shown activity', () => {
    const { socket, queryClient } = setUp();
    queryClient.setQueryData(queryKeys.activity('act-1'), activityDetail({ lastSeq: 2 }));

    socket.deliver(
      'activity.event',
      event({ seq: 3, type: 'progress', data: { counters: { orderLinesFound: 2 } } }),
    );
    socket.deliver(
      'activity.event',
      event({
        seq: 4,
        type: 'progress',
        data: { itemId: 'item-1', state: 'failed', reason: 'Gone' },
      }),
    );

    expect(detailOf(queryClient)).toMatchObject({
      lastSeq: 4,
      counters: { orderLinesFound: 2 },
      itemStates: { 'item-1': { state: 'failed', reason: 'Gone' } },
    });
  });

  it('should open the question with the activity waiting and close it on the answer', () => {
    const { socket, queryClient } = setUp();
    queryClient.setQueryData(queryKeys.activity('act-1'), activityDetail({ lastSeq: 2 }));

    socket.deliver(
      'activity.event',
      event({ seq: 3, type: 'question', data: { question: question() } }),
    );
    expect(detailOf(queryClient)).toMatchObject({
      state: 'waiting_for_operator',
      openQuestion: { id: 'q-1' },
    });

    socket.deliver(
      'activity.event',
      event({ seq: 4, type: 'answer', data: { questionId: 'q-1', choice: 'skip_item' } }),
    );
    socket.deliver('activity.event', event({ seq: 5, type: 'state', data: { state: 'queued' } }));

    expect(detailOf(queryClient)?.openQuestion).toBeNull();
    expect(detailOf(queryClient)?.questions[0].choice).toBe('skip_item');
    expect(detailOf(queryClient)?.state).toBe('queued');
  });

  it('should ignore an event already shown and refetch after a gap', async () => {
    const { socket, queryClient } = setUp();
    queryClient.setQueryData(queryKeys.activity('act-1'), activityDetail({ lastSeq: 5 }));
    queryClient.setQueryData<ActivityEventDto[]>(queryKeys.activityEvents('act-1'), [
      event({ seq: 5 }),
    ]);

    socket.deliver('activity.event', event({ seq: 4, type: 'state', data: { state: 'failed' } }));
    expect(detailOf(queryClient)?.state).toBe('running');

    socket.deliver('activity.event', event({ seq: 8 }));

    expect(queryClient.getQueryState(queryKeys.activity('act-1'))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(queryKeys.activityEvents('act-1'))?.isInvalidated).toBe(true);
  });

  it('should apply events that arrived while the detail and log were being fetched', async () => {
    const { socket, queryClient } = setUp();

    socket.deliver('activity.event', event({ seq: 3, type: 'state', data: { state: 'running' } }));
    socket.deliver(
      'activity.event',
      event({ seq: 4, type: 'question', data: { question: question() } }),
    );
    // The server read both before those events were written.
    await queryClient.fetchQuery({
      queryKey: queryKeys.activity('act-1'),
      queryFn: () => Promise.resolve(activityDetail({ lastSeq: 2, state: 'queued' })),
    });
    await queryClient.fetchQuery({
      queryKey: queryKeys.activityEvents('act-1'),
      queryFn: () => Promise.resolve([event({ seq: 1 }), event({ seq: 2 })]),
    });

    expect(detailOf(queryClient)).toMatchObject({
      lastSeq: 4,
      state: 'waiting_for_operator',
      openQuestion: { id: 'q-1' },
    });
    const log = queryClient.getQueryData<ActivityEventDto[]>(queryKeys.activityEvents('act-1'));
    expect(log?.map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
  });

  it('should append live events to a shown log', () => {
    const { socket, queryClient } = setUp();
    queryClient.setQueryData<ActivityEventDto[]>(queryKeys.activityEvents('act-1'), [
      event({ seq: 1 }),
    ]);

    socket.deliver('activity.event', event({ seq: 2, message: 'Cart opened' }));

    const log = queryClient.getQueryData<ActivityEventDto[]>(queryKeys.activityEvents('act-1'));
    expect(log?.map((entry) => entry.message)).toEqual(['Opened the cart', 'Cart opened']);
  });

  it('should move a listed activity to the state an update names', () => {
    const { socket, queryClient } = setUp();
    const key = queryKeys.activityList({});
    queryClient.setQueryData(key, {
      pages: [{ items: [activity({ lastSeq: 2 })], nextCursor: null }],
      pageParams: [null],
    });

    socket.deliver('activity.update', {
      activity: {
        id: 'act-1',
        kind: 'reserve',
        state: 'succeeded',
        accountId: 'acc-1',
        orderId: 'ord-1',
        lastSeq: 3,
      },
      event: event({ seq: 3, type: 'state', data: { state: 'succeeded' } }),
    });

    const data = queryClient.getQueryData<{ pages: { items: { state: string }[] }[] }>(key);
    expect(data?.pages[0].items[0].state).toBe('succeeded');
  });

  it('should take changed items into the cached order and leave the others', () => {
    const { socket, queryClient } = setUp();
    const cached = order({
      items: [orderItem({ id: 'item-1' }), orderItem({ id: 'item-2', title: 'other' })],
    });
    queryClient.setQueryData(queryKeys.order(cached.id), cached);

    socket.deliver('order.items', {
      orderId: cached.id,
      items: [orderItem({ id: 'item-1', state: 'reserved', providerOrderNumber: 'P-1' })],
    });

    const items = queryClient.getQueryData<OrderDto>(queryKeys.order(cached.id))?.items;
    expect(items?.map((item) => [item.id, item.state])).toEqual([
      ['item-1', 'reserved'],
      ['item-2', 'available'],
    ]);
  });

  it('should add a new session to its provider list only', () => {
    const { socket, queryClient } = setUp();
    queryClient.setQueryData(queryKeys.sessionsOf('sandbox'), [session()]);
    queryClient.setQueryData(queryKeys.sessionsOf('kitmall'), []);

    socket.deliver('session.update', { session: session({ id: 'ses-2', nickname: '买家2' }) });
    socket.deliver('session.update', { session: session({ state: 'expired' }) });

    expect(queryClient.getQueryData(queryKeys.sessionsOf('sandbox'))).toEqual([
      session({ state: 'expired' }),
      session({ id: 'ses-2', nickname: '买家2' }),
    ]);
    expect(queryClient.getQueryData(queryKeys.sessionsOf('kitmall'))).toEqual([]);
  });

  it('should feed the attention count to the badge', () => {
    const { socket, queryClient } = setUp();

    socket.deliver('attention.count', { count: 4 });

    expect(queryClient.getQueryData(queryKeys.attentionCount)).toBe(4);
  });
});
