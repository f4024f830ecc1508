import type { MeDto } from '@autobuy/contracts';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryRouter } from 'react-router-dom';

import { createQueryClient } from '../../shared/api/query-client';
import { mockApi } from '../../test/fetch-mock';
import { order } from '../../test/order-fixtures';
import { createI18n } from '../i18n/i18n';
import { AppProviders } from '../providers';
import { appRoutes } from '../routes';

const ME: MeDto = {
  sessionId: 's1',
  operator: {
    id: 'op1',
    login: 'admin',
    role: 'admin',
    disabled: false,
    createdAt: '2026-11-30T10:00:00.000Z',
  },
};
const LOGGED_OUT = { status: 401, body: { code: 'unauthenticated', message: 'Log in first.' } };

function renderApp(path: string) {
  const router = createMemoryRouter(appRoutes, { initialEntries: [path] });
  render(
    <AppProviders router={router} queryClient={createQueryClient()} i18n={createI18n('en')} />,
  );

  return router;
}

function logIn(login: string, password: string) {
  fireEvent.change(screen.getByTestId('login-name'), { target: { value: login } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('login redirect', () => {
  it('should send a logged-out visitor to the login page and back to where they were', async () => {
    let loggedIn = false;
    const { requests } = mockApi({
      'GET /api/v1/auth/me': () => (loggedIn ? { status: 200, body: ME } : LOGGED_OUT),
      'POST /api/v1/auth/login': () => {
        loggedIn = true;

        return { status: 200, body: ME };
      },
      'GET /api/v1/orders/order-1': { status: 200, body: order() },
    });
    const router = renderApp('/orders/order-1?tab=purchase');

    await screen.findByTestId('login-form');
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe(
      '/orders/order-1?tab=purchase',
    );

    logIn('admin', 'correct horse');

    expect(await screen.findByTestId('order-title')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/orders/order-1');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      login: 'admin',
      password: 'correct horse',
    });
  });

  it('should stay on the login form with a clear message when the password is wrong', async () => {
    mockApi({
      'GET /api/v1/auth/me': LOGGED_OUT,
      'POST /api/v1/auth/login': {
        status: 401,
        body: { code: 'invalid_credentials', message: 'Wrong login or password.' },
      },
    });
    const router = renderApp('/orders');
    await screen.findByTestId('login-form');

    logIn('admin', 'wrong');

    expect((await screen.findByTestId('login-error')).textContent).toBe('Wrong login or password.');
    expect(router.state.location.pathname).toBe('/login');
  });

  it('should go to the login page when the session ends while a page is open', async () => {
    mockApi({
      'GET /api/v1/auth/me': { status: 200, body: ME },
      'GET /api/v1/orders': LOGGED_OUT,
    });
    const router = renderApp('/orders?q=%E8%BF%9E%E8%A1%A3%E8%A3%99');

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe(
      '/orders?q=%E8%BF%9E%E8%A1%A3%E8%A3%99',
    );
  });

  it('should refuse to return to another site after logging in', async () => {
    let loggedIn = false;
    mockApi({
      'GET /api/v1/auth/me': () => (loggedIn ? { status: 200, body: ME } : LOGGED_OUT),
      'POST /api/v1/auth/login': () => {
        loggedIn = true;

        return { status: 200, body: ME };
      },
      'GET /api/v1/orders': { status: 200, body: { items: [], nextCursor: null } },
    });
    const router = renderApp('/login?next=%2F%2Fevil.example%2Fphish');
    await screen.findByTestId('login-form');

    logIn('admin', 'correct horse');

    await waitFor(() => expect(router.state.location.pathname).toBe('/orders'));
  });
});
