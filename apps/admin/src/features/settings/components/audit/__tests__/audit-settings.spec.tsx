import type { AuditEntryDto } from '@autobuy/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { mockApi } from '../../../../../test/fetch-mock';
import { operator, renderWithProviders } from '../../../../../test/render';
import { AuditSettings } from '../audit-settings';

function entry(overrides: Partial<AuditEntryDto> = {}): AuditEntryDto {
  return {
    id: 'a1',
    occurredAt: '2026-12-01T09:00:00.000Z',
    actorType: 'operator',
    actorLabel: 'anna',
    action: 'POST /api/v1/reservations',
    target: 'order:6f1c',
    outcome: 'ok',
    ip: '10.0.0.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
    details: { orderId: '6f1c', itemIds: ['i1', 'i2'] },
    ...overrides,
  };
}

describe('AuditSettings', () => {
  it('should show who did what to which target, when and from where, then the next page', async () => {
    const { requests } = mockApi({
      'GET /api/v1/audit': (request) =>
        request.url.includes('cursor=')
          ? {
              status: 200,
              body: {
                items: [
                  entry({
                    id: 'a2',
                    actorType: 'api_key',
                    actorLabel: 'Shop',
                    outcome: 'forbidden',
                  }),
                ],
                nextCursor: null,
              },
            }
          : { status: 200, body: { items: [entry()], nextCursor: 'next-1' } },
    });
    renderWithProviders(<AuditSettings />);

    const row = await screen.findByTestId('audit-row');
    expect(within(row).getByTestId('audit-actor').textContent).toContain('anna');
    expect(within(row).getByTestId('audit-action').textContent).toContain(
      'POST /api/v1/reservations',
    );
    expect(within(row).getByTestId('audit-action').textContent).toContain('itemIds: ["i1","i2"]');
    expect(within(row).getByTestId('audit-target').textContent).toBe('order:6f1c');
    expect(within(row).getByTestId('audit-origin').textContent).toContain('10.0.0.7');
    expect(within(row).getByTestId('audit-origin').textContent).toContain('Mozilla/5.0');

    fireEvent.click(screen.getByTestId('audit-more'));

    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(2));
    const second = screen.getAllByTestId('audit-row')[1];
    expect(second.getAttribute('data-outcome')).toBe('forbidden');
    expect(within(second).getByTestId('audit-actor').textContent).toContain('API key');
    expect(requests.at(-1)?.url).toContain('cursor=next-1');
    expect(screen.queryByTestId('audit-more')).toBeNull();
  });

  it('should offer a retry when the log cannot be read', async () => {
    let calls = 0;
    mockApi({
      'GET /api/v1/audit': () => {
        calls += 1;

        return calls === 1
          ? { status: 403, body: { code: 'forbidden', message: 'Forbidden' } }
          : { status: 200, body: { items: [], nextCursor: null } };
      },
    });
    renderWithProviders(<AuditSettings />, { language: 'ru' });

    expect(await screen.findByText('Ваша роль этого не позволяет.')).toBeTruthy();
    fireEvent.click(screen.getByText('Повторить'));

    expect(await screen.findByText('Журнал аудита пуст')).toBeTruthy();
  });

  it('should tell a non-admin that the page is for admins and load nothing', () => {
    const { requests } = mockApi({});
    renderWithProviders(<AuditSettings />, { as: operator({ role: 'viewer' }) });

    expect(screen.getByTestId('admin-only')).toBeTruthy();
    expect(requests).toHaveLength(0);
  });
});
