import type { WebhookDeliveryLogDto, WebhookDto } from '@autobuy/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { mockApi } from '../../../../../test/fetch-mock';
import { operator, renderWithProviders } from '../../../../../test/render';
import { WebhooksSettings } from '../webhooks-settings';

const SECRET = 'whsec_4b1d2f0c9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2';

function webhookDto(overrides: Partial<WebhookDto> = {}): WebhookDto {
  return {
    id: 'w1',
    url: 'https://shop.example.com/autobuy/events',
    events: ['item.state_changed'],
    enabled: true,
    createdAt: '2026-12-01T09:00:00.000Z',
    ...overrides,
  };
}

function deliveryDto(overrides: Partial<WebhookDeliveryLogDto> = {}): WebhookDeliveryLogDto {
  return {
    id: 'd1',
    webhookId: 'w1',
    eventId: 'e1',
    event: 'item.state_changed',
    status: 'delivered',
    attempts: 1,
    responseStatus: 200,
    error: null,
    createdAt: '2026-12-01T09:01:00.000Z',
    deliveredAt: '2026-12-01T09:01:01.000Z',
    nextAttemptAt: null,
    attemptLog: [{ attempt: 1, at: '2026-12-01T09:01:01.000Z', responseStatus: 200, error: null }],
    ...overrides,
  };
}

describe('WebhooksSettings', () => {
  it('should show the signing secret once after adding a webhook, and not in the list', async () => {
    const webhooks: WebhookDto[] = [];
    const { requests } = mockApi({
      'GET /api/v1/webhooks': () => ({ status: 200, body: webhooks }),
      'POST /api/v1/webhooks': () => {
        webhooks.push(webhookDto());

        return { status: 201, body: { ...webhookDto(), secret: SECRET } };
      },
    });
    renderWithProviders(<WebhooksSettings />);
    await screen.findByText('No webhooks');

    fireEvent.change(screen.getByTestId('webhook-url'), {
      target: { value: ' https://shop.example.com/autobuy/events ' },
    });
    fireEvent.click(screen.getByTestId('webhook-create'));

    expect((await screen.findByTestId('created-webhook-secret')).textContent).toBe(SECRET);
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      url: 'https://shop.example.com/autobuy/events',
      events: ['item.state_changed'],
    });
    fireEvent.click(screen.getByTestId('created-webhook-close'));

    await waitFor(() => expect(screen.queryByTestId('created-webhook-secret')).toBeNull());
    expect(await screen.findByTestId('webhook-row')).toBeTruthy();
    expect(screen.queryByText(SECRET)).toBeNull();
  });

  it('should say what is wrong with the form and send nothing', async () => {
    const { requests } = mockApi({ 'GET /api/v1/webhooks': { status: 200, body: [] } });
    renderWithProviders(<WebhooksSettings />);
    await screen.findByText('No webhooks');

    fireEvent.change(screen.getByTestId('webhook-url'), {
      target: { value: 'ftp://shop.example.com' },
    });
    fireEvent.click(screen.getByLabelText('Item state changed'));
    fireEvent.click(screen.getByTestId('webhook-create'));

    expect(
      await screen.findByText('Enter a full URL starting with http:// or https://.'),
    ).toBeTruthy();
    expect(screen.getByText('Choose at least one event.')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it("should show the server's message under the URL when it refuses it", async () => {
    mockApi({
      'GET /api/v1/webhooks': { status: 200, body: [] },
      'POST /api/v1/webhooks': {
        status: 400,
        body: {
          code: 'validation_failed',
          message: 'Invalid request',
          details: { url: ['must be an http(s) URL'] },
        },
      },
    });
    renderWithProviders(<WebhooksSettings />);
    await screen.findByText('No webhooks');

    fireEvent.change(screen.getByTestId('webhook-url'), {
      target: { value: 'http://receiver/' },
    });
    fireEvent.click(screen.getByTestId('webhook-create'));

    expect(await screen.findByText('must be an http(s) URL')).toBeTruthy();
  });

  it('should delete a webhook only after the admin confirms', async () => {
    const { requests } = mockApi({
      'GET /api/v1/webhooks': { status: 200, body: [webhookDto()] },
      'DELETE /api/v1/webhooks/w1': { status: 204 },
    });
    renderWithProviders(<WebhooksSettings />);

    fireEvent.click(await screen.findByTestId('webhook-delete'));
    fireEvent.click(await screen.findByText('Cancel'));
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('webhook-delete'));
    fireEvent.click(await screen.findByTestId('confirm-action'));

    await waitFor(() =>
      expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.url)).toEqual([
        '/api/v1/webhooks/w1',
      ]),
    );
  });

  it('should show each delivery with status, attempts, response code and next retry, paged', async () => {
    const retrying = deliveryDto({
      id: 'd2',
      status: 'pending',
      attempts: 2,
      responseStatus: 503,
      error: 'HTTP 503',
      deliveredAt: null,
      nextAttemptAt: '2026-12-01T09:05:00.000Z',
    });
    const { requests } = mockApi({
      'GET /api/v1/webhooks': { status: 200, body: [webhookDto()] },
      'GET /api/v1/webhooks/w1/deliveries': (request) =>
        request.url.includes('cursor=')
          ? { status: 200, body: { items: [deliveryDto()], nextCursor: null } }
          : { status: 200, body: { items: [retrying], nextCursor: 'page-2' } },
    });
    renderWithProviders(<WebhooksSettings />);

    fireEvent.click(await screen.findByTestId('webhook-deliveries-open'));
    const first = await screen.findByTestId('delivery-row');
    expect(first.getAttribute('data-status')).toBe('pending');
    expect(within(first).getByTestId('delivery-status').textContent).toBe('Pending');
    expect(within(first).getByTestId('delivery-attempts').textContent).toBe('2');
    expect(within(first).getByTestId('delivery-response').textContent).toContain('503');
    expect(within(first).getByTestId('delivery-response').textContent).toContain('HTTP 503');
    expect(within(first).getByTestId('delivery-next-retry').textContent).not.toBe('—');

    fireEvent.click(screen.getByTestId('deliveries-more'));

    await waitFor(() => expect(screen.getAllByTestId('delivery-row')).toHaveLength(2));
    const second = screen.getAllByTestId('delivery-row')[1];
    expect(second.getAttribute('data-status')).toBe('delivered');
    expect(within(second).getByTestId('delivery-next-retry').textContent).toContain('Delivered');
    expect(requests.at(-1)?.url).toContain('cursor=page-2');
    expect(screen.queryByTestId('deliveries-more')).toBeNull();
  });

  it('should say when a webhook has sent nothing yet', async () => {
    mockApi({
      'GET /api/v1/webhooks': { status: 200, body: [webhookDto()] },
      'GET /api/v1/webhooks/w1/deliveries': { status: 200, body: { items: [], nextCursor: null } },
    });
    renderWithProviders(<WebhooksSettings />, { language: 'ru' });

    fireEvent.click(await screen.findByTestId('webhook-deliveries-open'));

    expect(await screen.findByText('Пока ничего не отправлено')).toBeTruthy();
  });

  it('should tell a non-admin that the page is for admins and load nothing', () => {
    const { requests } = mockApi({});
    renderWithProviders(<WebhooksSettings />, { as: operator({ role: 'operator' }) });

    expect(screen.getByTestId('admin-only')).toBeTruthy();
    expect(requests).toHaveLength(0);
  });
});
