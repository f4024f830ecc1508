import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { activityDetail, session } from '../../../../test/activity-fixtures';
import { mockApi } from '../../../../test/fetch-mock';
import { orderItem } from '../../../../test/order-fixtures';
import { operator, renderWithProviders } from '../../../../test/render';
import { PurchaseTab } from '../purchase-tab';

const items = [
  orderItem({ id: 'a', title: '短袖A', sellerName: 'Shop 1' }),
  orderItem({ id: 'b', title: '短袖B', sellerName: 'Shop 2' }),
  orderItem({
    id: 'tmall',
    title: '天猫鞋',
    isTmall: true,
    state: 'refused',
    stateReason: 'Tmall',
  }),
  orderItem({
    id: 'bought',
    title: '连衣裙',
    state: 'reserved',
    providerOrderNumber: 'P-77',
    accountId: 'acc-1',
    accountLogin: 'buyer01',
  }),
];

function api(
  extra: Record<string, { status: number; body?: unknown }> = {},
  sessions = [session()],
) {
  return mockApi({
    'GET /api/v1/sessions': { status: 200, body: sessions },
    'GET /api/v1/providers': {
      status: 200,
      body: [
        {
          code: 'sandbox',
          name: 'Sandbox',
          enabled: true,
          loginKind: 'browser',
          needsWarehouse: true,
          priceTolerancePercent: 0,
        },
      ],
    },
    'GET /api/v1/accounts': {
      status: 200,
      body: [
        {
          id: 'acc-1',
          provider: 'sandbox',
          login: 'buyer01',
          note: null,
          enabled: true,
          createdAt: '',
        },
      ],
    },
    'GET /api/v1/activities/act-1': { status: 200, body: activityDetail() },
    'GET /api/v1/activities/act-1/events': { status: 200, body: [] },
    ...extra,
  });
}

const rowOf = (id: string) =>
  screen.getAllByTestId('item-row').find((row) => row.getAttribute('data-item-id') === id)!;

describe('purchase tab workflows', () => {
  it('should tick every buyable item with select-all and highlight the ticked rows', async () => {
    api();
    renderWithProviders(<PurchaseTab orderId="order-1" items={items} />, { language: 'en' });

    fireEvent.click(screen.getByTestId('select-all'));

    expect(rowOf('a').getAttribute('data-selected')).toBe('true');
    expect(rowOf('b').getAttribute('data-selected')).toBe('true');
    expect(rowOf('tmall').getAttribute('data-selected')).toBe('false');
    const tmallBox = within(rowOf('tmall')).getByTestId('item-select');
    expect(tmallBox.hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByTestId('select-all'));
    expect(rowOf('a').getAttribute('data-selected')).toBe('false');
  });

  it('should reserve the ticked items with the only active session and open the progress', async () => {
    const { requests } = api({
      'POST /api/v1/reservations': { status: 202, body: { activityId: 'act-1' } },
    });
    renderWithProviders(<PurchaseTab orderId="order-1" items={items} />, { language: 'en' });
    await screen.findByTestId('session-row');

    fireEvent.click(within(rowOf('b')).getByTestId('item-select'));
    fireEvent.click(screen.getByTestId('reserve'));

    await waitFor(() =>
      expect(requests.find((r) => r.url === '/api/v1/reservations')?.body).toEqual({
        orderId: 'order-1',
        itemIds: ['b'],
        sessionId: 'ses-1',
      }),
    );
    expect(await screen.findByTestId('progress-to-activity')).toBeTruthy();
  });

  it('should not reserve before a session is chosen when there are several', async () => {
    api({}, [session(), session({ id: 'ses-2', nickname: 'buyer02' })]);
    renderWithProviders(<PurchaseTab orderId="order-1" items={items} />, { language: 'en' });
    await screen.findAllByTestId('session-row');
    fireEvent.click(within(rowOf('a')).getByTestId('item-select'));

    expect(screen.getByTestId('reserve').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('reserve-hint').textContent).toContain('Choose a session');

    fireEvent.click(screen.getAllByTestId('session-choose')[1]);
    expect(screen.getByTestId('reserve').hasAttribute('disabled')).toBe(false);
  });

  it('should explain how to allow popups when the browser blocks the login window', async () => {
    const { requests } = api();
    vi.stubGlobal(
      'open',
      vi.fn(() => null),
    );
    renderWithProviders(<PurchaseTab orderId="order-1" items={items} />, { language: 'en' });

    fireEvent.click(await screen.findByTestId('session-add'));

    expect((await screen.findByTestId('popup-blocked')).textContent).toContain('Allow pop-up');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('should start a login and send the opened window to its popup page', async () => {
    api({ 'POST /api/v1/sessions': { status: 202, body: { activityId: 'login-9' } } });
    const popup = { location: { href: '' }, close: vi.fn() };
    vi.stubGlobal(
      'open',
      vi.fn(() => popup),
    );
    renderWithProviders(<PurchaseTab orderId="order-1" items={items} />, { language: 'en' });

    fireEvent.click(await screen.findByTestId('session-add'));

    await waitFor(() => expect(popup.location.href).toBe('/popup/login/login-9'));
  });

  it('should unbind the ticked purchased items with their account after confirming', async () => {
    const { requests } = api({
      'POST /api/v1/unbindings': { status: 202, body: { activityId: 'act-1' } },
    });
    renderWithProviders(<PurchaseTab orderId="order-1" items={items} />, { language: 'en' });

    fireEvent.click(within(rowOf('bought')).getByTestId('item-select'));
    fireEvent.click(screen.getByTestId('unbind'));
    expect(requests.some((r) => r.url === '/api/v1/unbindings')).toBe(false);
    fireEvent.click(await screen.findByTestId('confirm-action'));

    await waitFor(() =>
      expect(requests.find((r) => r.url === '/api/v1/unbindings')?.body).toEqual({
        orderId: 'order-1',
        itemIds: ['bought'],
        accountId: 'acc-1',
      }),
    );
  });

  it('should ask for the provider order number before binding', async () => {
    const { requests } = api({
      'POST /api/v1/bindings': { status: 202, body: { activityId: 'act-1' } },
    });
    renderWithProviders(<PurchaseTab orderId="order-1" items={items} />, { language: 'en' });
    await screen.findByTestId('session-row');

    fireEvent.click(screen.getByTestId('bind-open'));
    fireEvent.click(await screen.findByTestId('bind-submit'));
    expect(await screen.findByText('Enter the provider order number.')).toBeTruthy();

    fireEvent.change(screen.getByTestId('bind-number'), { target: { value: ' 4400123 ' } });
    fireEvent.click(screen.getByTestId('bind-submit'));

    await waitFor(() =>
      expect(requests.find((r) => r.url === '/api/v1/bindings')?.body).toEqual({
        orderId: 'order-1',
        accountId: 'acc-1',
        providerOrderNumber: '4400123',
      }),
    );
  });

  it('should show a viewer the items without checkboxes or actions', async () => {
    api();
    renderWithProviders(<PurchaseTab orderId="order-1" items={items} />, {
      as: operator({ role: 'viewer' }),
    });

    expect(screen.queryByTestId('item-select')).toBeNull();
    expect(screen.queryByTestId('reserve')).toBeNull();
    expect(screen.queryByTestId('unbind')).toBeNull();
  });
});
