import type { ProviderDto } from '@autobuy/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { mockApi } from '../../../../../test/fetch-mock';
import { operator, renderWithProviders } from '../../../../../test/render';
import { ProvidersSettings } from '../providers-settings';

const TAOBAO: ProviderDto = {
  code: 'taobao',
  name: 'Taobao',
  enabled: false,
  loginKind: 'browser',
  needsWarehouse: true,
  priceTolerancePercent: 0,
};

describe('ProvidersSettings', () => {
  it('should enable a provider and show the new state the server answers', async () => {
    let current = TAOBAO;
    const { requests } = mockApi({
      'GET /api/v1/providers': () => ({ status: 200, body: [current] }),
      'PATCH /api/v1/providers/taobao': ({ body }) => {
        current = { ...current, ...(body as Partial<ProviderDto>) };

        return { status: 200, body: current };
      },
    });
    renderWithProviders(<ProvidersSettings />);

    fireEvent.click(await screen.findByTestId('provider-enabled'));

    await waitFor(() =>
      expect((screen.getByTestId('provider-enabled') as HTMLInputElement).checked).toBe(true),
    );
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ enabled: true });
  });

  it('should refuse a price tolerance above 100 % before sending it', async () => {
    const { requests } = mockApi({ 'GET /api/v1/providers': { status: 200, body: [TAOBAO] } });
    renderWithProviders(<ProvidersSettings />);

    fireEvent.change(await screen.findByTestId('provider-tolerance'), {
      target: { value: '150' },
    });

    expect(await screen.findByText('From 0 to 100')).toBeTruthy();
    expect((screen.getByText('Save').closest('button') as HTMLButtonElement).disabled).toBe(true);
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('should let a viewer see the providers but change nothing', async () => {
    mockApi({ 'GET /api/v1/providers': { status: 200, body: [TAOBAO] } });
    renderWithProviders(<ProvidersSettings />, { as: operator({ role: 'viewer' }) });

    expect(((await screen.findByTestId('provider-enabled')) as HTMLInputElement).disabled).toBe(
      true,
    );
    expect(screen.queryByText('Save')).toBeNull();
  });
});
