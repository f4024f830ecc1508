import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';

import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider, type createBrowserRouter } from 'react-router-dom';

import { loginPathFor, LOGIN_PATH } from '../features/auth';
import { setUnauthenticatedListener } from '../shared/api/unauthenticated';

export type AppRouter = ReturnType<typeof createBrowserRouter>;

const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'sm' });

/**
 * Everything the pages rely on. The router, query client and i18n instance come from outside
 * so a test can hand in a memory router and fresh instances.
 */
export function AppProviders(props: { router: AppRouter; queryClient: QueryClient; i18n: I18n }) {
  const { router } = props;

  // A 401 from any call means the session ended (logout elsewhere, revoked by an admin):
  // go to the login page and come back here afterwards.
  useEffect(() => {
    setUnauthenticatedListener(() => {
      const { pathname, search } = router.state.location;
      if (pathname !== LOGIN_PATH) {
        void router.navigate(loginPathFor(`${pathname}${search}`), { replace: true });
      }
    });

    return () => setUnauthenticatedListener(null);
  }, [router]);

  return (
    <I18nextProvider i18n={props.i18n}>
      <MantineProvider theme={theme}>
        <Notifications position="top-right" />
        <QueryClientProvider client={props.queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
