import type { ProviderAccountDto, ProviderDto } from '@autobuy/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { mockApi } from '../../../../../test/fetch-mock';
import { operator, renderWithProviders } from '../../../../../test/render';
import { AccountsSettings } from '../accounts-settings';

const PROVIDERS: ProviderDto[] = [
  {
    code: 'sandbox',
    name: 'Sandbox',
    enabled: true,
    loginKind: 'browser',
    needsWarehouse: true,
    priceTolerancePercent: 0,
  },
  {
    code: 'kitmall',
    name: 'Kitmall',
    enabled: true,
    loginKind: 'api-key',
    needsWarehouse: false,
    priceTolerancePercent: 0,
  },
];

const ACCOUNT: ProviderAccountDto = {
  id: 'a1',
  provider: 'sandbox',
  login: 'sandbox_buyer',
  note: null,
  enabled: true,
  createdAt: '2026-11-30T10:00:00.000Z',
};

describe('AccountsSettings', () => {
  it('should say plainly that the login exists when the server answers 409', async () => {
    mockApi({
      'GET /api/v1/providers': { status: 200, body: PROVIDERS },
      'GET /api/v1/accounts': { status: 200, body: [ACCOUNT] },
      'POST /api/v1/accounts': {
        status: 409,
        body: { code: 'conflict', message: 'The login sandbox_buyer exists for sandbox.' },
      },
    });
    renderWithProviders(<AccountsSettings />);
    await screen.findByTestId('account-row');

    fireEvent.change(screen.getByTestId('account-login'), {
      target: { value: 'sandbox_buyer' },
    });
    fireEvent.click(screen.getByTestId('account-add'));

    expect(await screen.findByText('This provider already has such a login.')).toBeTruthy();
  });

  it('should ask for an API key only for a provider that logs in with one', async () => {
    const { requests } = mockApi({
      'GET /api/v1/providers': { status: 200, body: PROVIDERS },
      'GET /api/v1/accounts': { status: 200, body: [] },
    });
    renderWithProviders(<AccountsSettings />);
    await screen.findByText('No logins for this provider');
    expect(screen.queryByLabelText(/API key/)).toBeNull();

    fireEvent.click(screen.getByLabelText('Kitmall'));

    expect(await screen.findByLabelText(/API key/)).toBeTruthy();
    await waitFor(() =>
      expect(requests.some((r) => r.url === '/api/v1/accounts?provider=kitmall')).toBe(true),
    );
  });

  it('should delete a login only after confirmation', async () => {
    const { requests } = mockApi({
      'GET /api/v1/providers': { status: 200, body: PROVIDERS },
      'GET /api/v1/accounts': { status: 200, body: [ACCOUNT] },
      'DELETE /api/v1/accounts/a1': { status: 204 },
    });
    renderWithProviders(<AccountsSettings />);

    fireEvent.click(await screen.findByTestId('account-delete'));
    expect(
      await screen.findByText(
        'Delete the login sandbox_buyer? Its sessions will no longer be usable.',
      ),
    ).toBeTruthy();
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('confirm-action'));

    await waitFor(() => expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1));
  });

  it('should show a viewer the list without the add form or delete buttons', async () => {
    mockApi({
      'GET /api/v1/providers': { status: 200, body: PROVIDERS },
      'GET /api/v1/accounts': { status: 200, body: [ACCOUNT] },
    });
    renderWithProviders(<AccountsSettings />, { as: operator({ role: 'viewer' }) });

    expect(await screen.findByTestId('account-row')).toBeTruthy();
    expect(screen.queryByTestId('add-account-form')).toBeNull();
    expect(screen.queryByTestId('account-delete')).toBeNull();
  });
});
