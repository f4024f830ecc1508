import type { ActivityChangedMessage, ActivityDto, ProviderAccountDto } from '@autobuy/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { FakeSocket } from '../../../../shared/live/__tests__/fake-socket';
import { LiveProvider } from '../../../../shared/live/live-context';
import { activity, event } from '../../../../test/activity-fixtures';
import { mockApi } from '../../../../test/fetch-mock';
import { renderWithProviders } from '../../../../test/render';
import { ActivitiesPage } from '../activities-page';

const named = activity({
  id: 'act-1',
  state: 'running',
  lastSeq: 3,
  summary: 'Reserve for SHOP-1001',
  accountLogin: 'buyer_anna',
  orderNumber: 'SHOP-1001',
});

const buyer: ProviderAccountDto = {
  id: 'acc-1',
  provider: 'sandbox',
  login: 'buyer_anna',
  note: null,
  enabled: true,
  createdAt: '2026-12-01T09:00:00.000Z',
};

function startedWaiting(): ActivityChangedMessage {
  return {
    activity: {
      id: 'act-1',
      kind: 'reserve',
      state: 'waiting_for_operator',
      accountId: 'acc-1',
      orderId: 'ord-1',
      lastSeq: 4,
    },
    event: event({ seq: 4, type: 'state', data: { state: 'waiting_for_operator' } }),
  };
}

function renderLivePage(lists: (url: string) => ActivityDto[]) {
  const socket = new FakeSocket();
  const api = mockApi({
    'GET /api/v1/activities': (request) => ({
      status: 200,
      body: { items: lists(request.url), nextCursor: null },
    }),
    'GET /api/v1/accounts': { status: 200, body: [buyer] },
  });
  renderWithProviders(
    <LiveProvider socketFactory={() => socket}>
      <ActivitiesPage />
    </LiveProvider>,
    { language: 'en' },
  );

  return { socket, requests: api.requests };
}

describe('ActivitiesPage with the live channel', () => {
  it('should name the order and account of each row by number and login', async () => {
    renderLivePage((url) => (url.includes('state=') ? [] : [named]));

    const row = await screen.findByTestId('activity-row');
    expect(within(row).getByTestId('activity-order-number').textContent).toBe('SHOP-1001');
    expect(within(row).getByTestId('activity-account-login').textContent).toBe('buyer_anna');
  });

  it('should move an activity that starts waiting into the waiting block, with no polling', async () => {
    let waitingNow = false;
    const { socket, requests } = renderLivePage((url) => {
      const current = waitingNow ? { ...named, state: 'waiting_for_operator' as const } : named;
      if (url.includes('state=waiting_for_operator')) {
        return waitingNow ? [current] : [];
      }

      return [current];
    });
    await screen.findByTestId('activity-row');
    expect(socket.sentOf('live.subscribe')).toContainEqual({ activities: true });
    const listCalls = () => requests.filter((r) => r.url.startsWith('/api/v1/activities')).length;
    const before = listCalls();

    waitingNow = true;
    act(() => socket.deliver('activity.changed', startedWaiting()));

    const section = await screen.findByTestId('waiting-section');
    expect(within(section).getByTestId('activity-row').getAttribute('data-state')).toBe(
      'waiting_for_operator',
    );
    expect(screen.queryByTestId('activities-table')).toBeNull();
    // Only the waiting block was read again; the main list was patched in place.
    expect(listCalls()).toBe(before + 1);
  });

  it('should read the lists again after the channel comes back', async () => {
    const { socket, requests } = renderLivePage(() => [named]);
    await screen.findAllByTestId('activity-row');
    const listCalls = () => requests.filter((r) => r.url.startsWith('/api/v1/activities')).length;
    const before = listCalls();

    act(() => socket.serverDrops());
    act(() => socket.serverConnects());

    await waitFor(() => expect(listCalls()).toBeGreaterThan(before));
  });

  it('should filter by an account chosen by its login', async () => {
    const { requests } = renderLivePage(() => [named]);
    await screen.findAllByTestId('activity-row');

    fireEvent.click(screen.getByTestId('activities-account'));
    fireEvent.click(await screen.findByText('buyer_anna (sandbox)'));

    await waitFor(() => expect(requests.some((r) => r.url.includes('accountId=acc-1'))).toBe(true));
  });
});
