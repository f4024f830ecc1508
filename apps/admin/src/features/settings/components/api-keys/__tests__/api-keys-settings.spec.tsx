import type { ApiKeyDto } from '@autobuy/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { mockApi } from '../../../../../test/fetch-mock';
import { operator, renderWithProviders } from '../../../../../test/render';
import { ApiKeysSettings } from '../api-keys-settings';

const RAW_KEY = 'abk_live_5f1c9e2a7b3d4c6e8f0a1b2c3d4e5f60';

function keyDto(overrides: Partial<ApiKeyDto> = {}): ApiKeyDto {
  return {
    id: 'k1',
    name: 'Shop integration',
    prefix: 'abk_live',
    scopes: ['read', 'orders:write'],
    createdAt: '2026-11-30T10:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

describe('ApiKeysSettings', () => {
  it('should show a new key once and never again after the dialog closes', async () => {
    const keys: ApiKeyDto[] = [];
    const { requests } = mockApi({
      'GET /api/v1/api-keys': () => ({ status: 200, body: keys }),
      'POST /api/v1/api-keys': () => {
        keys.push(keyDto());

        return { status: 201, body: { ...keyDto(), key: RAW_KEY } };
      },
    });
    renderWithProviders(<ApiKeysSettings />);
    await screen.findByText('No API keys');

    fireEvent.change(screen.getByTestId('api-key-name'), {
      target: { value: 'Shop integration' },
    });
    fireEvent.click(screen.getByLabelText('Push orders'));
    fireEvent.click(screen.getByTestId('api-key-create'));

    expect((await screen.findByTestId('created-api-key')).textContent).toBe(RAW_KEY);
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'Shop integration',
      scopes: ['read', 'orders:write'],
    });

    fireEvent.click(screen.getByText('Close'));

    await waitFor(() => expect(screen.queryByTestId('created-api-key')).toBeNull());
    expect(await screen.findByTestId('api-key-row')).toBeTruthy();
    expect(screen.queryByText(RAW_KEY)).toBeNull();
  });

  it('should refuse to create a key without any scope', async () => {
    const { requests } = mockApi({ 'GET /api/v1/api-keys': { status: 200, body: [] } });
    renderWithProviders(<ApiKeysSettings />);
    await screen.findByText('No API keys');

    fireEvent.change(screen.getByTestId('api-key-name'), { target: { value: 'x' } });
    fireEvent.click(screen.getByLabelText('Read'));
    fireEvent.click(screen.getByTestId('api-key-create'));

    expect(await screen.findByText('Choose at least one scope.')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('should revoke a key only after the admin confirms', async () => {
    const { requests } = mockApi({
      'GET /api/v1/api-keys': { status: 200, body: [keyDto()] },
      'DELETE /api/v1/api-keys/k1': { status: 204 },
    });
    renderWithProviders(<ApiKeysSettings />);

    fireEvent.click(await screen.findByTestId('api-key-revoke'));
    fireEvent.click(await screen.findByText('Cancel'));
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('api-key-revoke'));
    fireEvent.click(await screen.findByTestId('confirm-action'));

    await waitFor(() =>
      expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.url)).toEqual([
        '/api/v1/api-keys/k1',
      ]),
    );
  });

  it('should tell a non-admin that the page is for admins and load nothing', () => {
    const { requests } = mockApi({});
    renderWithProviders(<ApiKeysSettings />, { as: operator({ role: 'operator' }) });

    expect(screen.getByTestId('admin-only')).toBeTruthy();
    expect(requests).toHaveLength(0);
  });
});
