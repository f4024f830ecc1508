import type { OrderSummaryDto } from '@autobuy/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { mockApi, type RecordedRequest } from '../../../../test/fetch-mock';
import { renderWithProviders } from '../../../../test/render';
import { OrdersPage } from '../orders-page';

function summary(n: number): OrderSummaryDto {
  return {
    id: `order-${n}`,
    externalId: `SHOP-${n}`,
    customerName: `Покупатель ${n}`,
    itemCount: 2,
    stateCounts: { available: 1, reserved: 1 },
    createdAt: '2026-11-30T10:00:00.000Z',
    updatedAt: '2026-11-30T10:00:00.000Z',
  };
}

function queryOf(request: RecordedRequest): URLSearchParams {
  return new URL(request.url, 'http://localhost').searchParams;
}

describe('OrdersPage', () => {
  it('should load the next page after the cursor when "more" is pressed', async () => {
    const { requests } = mockApi({
      'GET /api/v1/orders': (request) =>
        queryOf(request).get('cursor') === 'c2'
          ? { status: 200, body: { items: [summary(3)], nextCursor: null } }
          : { status: 200, body: { items: [summary(1), summary(2)], nextCursor: 'c2' } },
    });
    renderWithProviders(<OrdersPage />, { path: '/orders' });

    expect(await screen.findAllByTestId('order-row')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('orders-more'));

    await waitFor(() => expect(screen.getAllByTestId('order-row')).toHaveLength(3));
    expect(screen.queryByTestId('orders-more')).toBeNull();
    expect(queryOf(requests[1]).get('cursor')).toBe('c2');
  });

  it('should search by the typed text when Enter is pressed', async () => {
    const { requests } = mockApi({
      'GET /api/v1/orders': { status: 200, body: { items: [], nextCursor: null } },
    });
    renderWithProviders(<OrdersPage />, { path: '/orders' });
    await screen.findByTestId('empty-state');

    const box = screen.getByTestId('orders-search');
    fireEvent.change(box, { target: { value: ' 连衣裙 ' } });
    fireEvent.keyDown(box, { key: 'Enter' });

    await waitFor(() => expect(requests.some((r) => queryOf(r).get('q') === '连衣裙')).toBe(true));
    expect(await screen.findByText('Nothing found')).toBeTruthy();
  });

  it('should ask for the state given in the address and say when there are no orders', async () => {
    const { requests } = mockApi({
      'GET /api/v1/orders': { status: 200, body: { items: [], nextCursor: null } },
    });
    renderWithProviders(<OrdersPage />, { path: '/orders?state=paid' });

    expect(await screen.findByText('Nothing found')).toBeTruthy();
    expect(queryOf(requests[0]).get('state')).toBe('paid');
  });

  it('should ignore a state the contract does not know', async () => {
    const { requests } = mockApi({
      'GET /api/v1/orders': { status: 200, body: { items: [], nextCursor: null } },
    });
    renderWithProviders(<OrdersPage />, { path: '/orders?state=lost' });

    expect(await screen.findByText('No orders yet')).toBeTruthy();
    expect(queryOf(requests[0]).has('state')).toBe(false);
  });

  it('should show the error with a way to try again', async () => {
    let failing = true;
    mockApi({
      'GET /api/v1/orders': () =>
        failing
          ? { status: 403, body: { code: 'forbidden', message: 'Not allowed.' } }
          : { status: 200, body: { items: [summary(1)], nextCursor: null } },
    });
    renderWithProviders(<OrdersPage />, { path: '/orders' });

    expect(await screen.findByText('Your role does not allow this.')).toBeTruthy();
    failing = false;
    fireEvent.click(screen.getByText('Try again'));

    expect(await screen.findByTestId('order-row')).toBeTruthy();
  });
});
