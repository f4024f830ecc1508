import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { activity } from '../../../../test/activity-fixtures';
import { mockApi } from '../../../../test/fetch-mock';
import { renderWithProviders } from '../../../../test/render';
import { ActivitiesPage } from '../activities-page';

const waiting = activity({ id: 'act-w', state: 'waiting_for_operator', summary: 'Waiting one' });
const running = activity({ id: 'act-r', state: 'running', summary: 'Running one' });

describe('ActivitiesPage', () => {
  it('should list activities waiting for the operator first and only once', async () => {
    mockApi({
      'GET /api/v1/activities': (request) =>
        request.url.includes('state=waiting_for_operator')
          ? { status: 200, body: { items: [waiting], nextCursor: null } }
          : { status: 200, body: { items: [running, waiting], nextCursor: null } },
    });
    renderWithProviders(<ActivitiesPage />, { language: 'en' });

    const waitingSection = await screen.findByTestId('waiting-section');
    expect(within(waitingSection).getByText('Waiting one')).toBeTruthy();
    const mainTable = await screen.findByTestId('activities-table');
    expect(within(mainTable).queryByText('Waiting one')).toBeNull();
    expect(within(mainTable).getByText('Running one')).toBeTruthy();
  });

  it('should send the filters of the address and not show the waiting block under a state filter', async () => {
    const { requests } = mockApi({
      'GET /api/v1/activities': { status: 200, body: { items: [], nextCursor: null } },
      'GET /api/v1/accounts': { status: 200, body: [] },
    });
    renderWithProviders(<ActivitiesPage />, {
      language: 'en',
      path: '/plugins/autobuy?state=failed&kind=reserve&q=1001&orderNumber=SHOP-1001',
    });

    expect(await screen.findByText('Nothing found')).toBeTruthy();
    const lists = requests.filter((request) => request.url.startsWith('/api/v1/activities'));
    expect(lists).toHaveLength(1);
    expect(lists[0].url).toContain('state=failed');
    expect(lists[0].url).toContain('kind=reserve');
    expect(lists[0].url).toContain('q=1001');
    expect(lists[0].url).toContain('orderNumber=SHOP-1001');
  });

  it('should say so when there are no activities at all', async () => {
    mockApi({ 'GET /api/v1/activities': { status: 200, body: { items: [], nextCursor: null } } });
    renderWithProviders(<ActivitiesPage />, { language: 'ru' });

    expect(await screen.findByText('Активностей пока нет')).toBeTruthy();
  });

  it('should show the error with a way to try again', async () => {
    mockApi({
      'GET /api/v1/activities': { status: 403, body: { code: 'forbidden', message: 'No' } },
    });
    renderWithProviders(<ActivitiesPage />, { language: 'en' });

    expect(await screen.findByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
