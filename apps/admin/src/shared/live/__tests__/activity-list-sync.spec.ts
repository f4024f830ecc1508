import type { ActivityChangedMessage, ActivityDto, ActivityState, Page } from '@autobuy/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import { activity, event } from '../../../test/activity-fixtures';
import { queryKeys } from '../../api/query-keys';
import { syncCacheWithLive } from '../cache-sync';
import { LiveClient } from '../live-client';
import { FakeSocket } from './fake-socket';

const ALL = queryKeys.activityList({});
const WAITING = queryKeys.activityList({ state: 'waiting_for_operator' });
const OTHER_ACCOUNT = queryKeys.activityList({ accountId: 'acc-2' });

function setUp(lists: [readonly unknown[], ActivityDto[]][]) {
  const socket = new FakeSocket();
  const client = new LiveClient(socket);
  const queryClient = new QueryClient();
  syncCacheWithLive(client, queryClient);
  client.start();
  for (const [key, items] of lists) {
    queryClient.setQueryData(key, {
      pages: [{ items, nextCursor: null } satisfies Page<ActivityDto>],
      pageParams: [undefined],
    });
  }

  return { socket, queryClient };
}

function changed(
  state: ActivityState,
  seq: number,
  overrides: Partial<ActivityChangedMessage['activity']> = {},
): ActivityChangedMessage {
  const activityId = overrides.id ?? 'act-1';

  return {
    activity: {
      id: activityId,
      kind: 'reserve',
      state,
      accountId: 'acc-1',
      orderId: 'ord-1',
      lastSeq: seq,
      ...overrides,
    },
    event: event({ activityId, seq, type: 'state', data: { state } }),
  };
}

const idsIn = (queryClient: QueryClient, key: readonly unknown[]) =>
  queryClient
    .getQueryData<{ pages: Page<ActivityDto>[] }>(key)
    ?.pages.flatMap((page) => page.items.map((item) => `${item.id}:${item.state}`));

const invalidated = (queryClient: QueryClient, key: readonly unknown[]) =>
  queryClient.getQueryState(key)?.isInvalidated ?? false;

describe('live cache sync of the activity lists (activity.changed)', () => {
  it('should move a listed activity to its new state without fetching', () => {
    const { socket, queryClient } = setUp([[ALL, [activity({ lastSeq: 2 })]]]);

    socket.deliver('activity.changed', changed('failed', 3));

    expect(idsIn(queryClient, ALL)).toEqual(['act-1:failed']);
    expect(invalidated(queryClient, ALL)).toBe(false);
  });

  it('should take an answered activity out of the waiting block and keep it in the list', () => {
    const waiting = activity({ state: 'waiting_for_operator', lastSeq: 5 });
    const { socket, queryClient } = setUp([
      [WAITING, [waiting]],
      [ALL, [waiting]],
    ]);

    socket.deliver('activity.changed', changed('running', 6));

    expect(idsIn(queryClient, WAITING)).toEqual([]);
    expect(idsIn(queryClient, ALL)).toEqual(['act-1:running']);
  });

  it('should fetch the waiting block again when an activity starts waiting', () => {
    const { socket, queryClient } = setUp([
      [WAITING, []],
      [ALL, [activity({ lastSeq: 4 })]],
    ]);

    socket.deliver('activity.changed', changed('waiting_for_operator', 5));

    expect(invalidated(queryClient, WAITING)).toBe(true);
    expect(idsIn(queryClient, ALL)).toEqual(['act-1:waiting_for_operator']);
  });

  it('should fetch the lists a new activity belongs in, and only those', () => {
    const { socket, queryClient } = setUp([
      [ALL, [activity({ id: 'act-old', state: 'succeeded' })]],
      [OTHER_ACCOUNT, []],
      [WAITING, []],
    ]);

    socket.deliver('activity.changed', changed('queued', 1, { id: 'act-new' }));

    expect(invalidated(queryClient, ALL)).toBe(true);
    expect(invalidated(queryClient, OTHER_ACCOUNT)).toBe(false);
    expect(invalidated(queryClient, WAITING)).toBe(false);
  });

  it('should leave a list alone when an activity it does not show changes state', () => {
    const { socket, queryClient } = setUp([[ALL, [activity({ id: 'act-2' })]]]);

    socket.deliver('activity.changed', changed('succeeded', 9));

    expect(invalidated(queryClient, ALL)).toBe(false);
    expect(idsIn(queryClient, ALL)).toEqual(['act-2:running']);
  });

  it('should ignore a summary older than the row it would change', () => {
    const waiting = activity({ state: 'waiting_for_operator', lastSeq: 7 });
    const { socket, queryClient } = setUp([[WAITING, [waiting]]]);

    socket.deliver('activity.changed', changed('running', 4));

    expect(idsIn(queryClient, WAITING)).toEqual(['act-1:waiting_for_operator']);
  });
});
