import type { LoginSessionDto, OperatorDto } from '@autobuy/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { mockApi } from '../../../../../test/fetch-mock';
import { operator, renderWithProviders } from '../../../../../test/render';
import { OperatorsSettings } from '../operators-settings';

const ME = operator();
const ANNA: OperatorDto = { ...operator(), id: 'op-anna', login: 'anna', role: 'operator' };
const SESSIONS: LoginSessionDto[] = [
  {
    id: 's-me',
    operatorId: ME.id,
    operatorLogin: ME.login,
    createdAt: '2026-11-30T10:00:00.000Z',
    lastSeenAt: '2026-11-30T11:00:00.000Z',
    expiresAt: '2026-12-07T10:00:00.000Z',
    ip: '127.0.0.1',
    userAgent: 'Chromium',
    revokedAt: null,
  },
  {
    id: 's-anna',
    operatorId: ANNA.id,
    operatorLogin: ANNA.login,
    createdAt: '2026-11-30T10:00:00.000Z',
    lastSeenAt: '2026-11-30T11:00:00.000Z',
    expiresAt: '2026-12-07T10:00:00.000Z',
    ip: '10.0.0.7',
    userAgent: 'Firefox',
    revokedAt: null,
  },
];

function api() {
  return mockApi({
    'GET /api/v1/operators': { status: 200, body: [ME, ANNA] },
    'GET /api/v1/auth/sessions': { status: 200, body: SESSIONS },
    'PATCH /api/v1/operators/op-anna': ({ body }) => ({
      status: 200,
      body: { ...ANNA, ...(body as object) },
    }),
    'DELETE /api/v1/auth/sessions/s-anna': { status: 204 },
  });
}

describe('OperatorsSettings', () => {
  it('should not let the admin disable or demote themselves', async () => {
    api();
    renderWithProviders(<OperatorsSettings currentSessionId="s-me" />, { as: ME });

    const rows = await screen.findAllByTestId('operator-row');
    const mine = rows.find((row) => within(row).queryByText('admin'));
    expect(mine).toBeDefined();
    expect(within(mine as HTMLElement).queryByText('Disable')).toBeNull();
    expect(
      (within(mine as HTMLElement).getByLabelText('Role of admin') as HTMLInputElement).disabled,
    ).toBe(true);
  });

  it('should disable another operator only after confirmation', async () => {
    const { requests } = api();
    renderWithProviders(<OperatorsSettings currentSessionId="s-me" />, { as: ME });

    fireEvent.click(await screen.findByText('Disable'));
    expect(await screen.findByText('Disable anna? Their sessions end at once.')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('confirm-action'));

    await waitFor(() =>
      expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ disabled: true }),
    );
  });

  it('should offer to end other sessions but not the current one', async () => {
    api();
    renderWithProviders(<OperatorsSettings currentSessionId="s-me" />, { as: ME });

    const table = await screen.findByTestId('login-sessions-table');

    expect(within(table).getByText('This session')).toBeTruthy();
    expect(within(table).getAllByText('End session')).toHaveLength(1);
  });
});
