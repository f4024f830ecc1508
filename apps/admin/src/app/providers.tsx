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

// Item titles and addresses are Chinese: name CJK fonts explicitly so each system picks a real
// one instead of a random fallback.
const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, "PingFang SC", ' +
    '"Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", ' +
    '"WenQuanYi Micro Hei", sans-serif',
});

/**
 * Everything the pages rely on. The router, query client and i18n instance come from outside
 * so a test can hand in a memory router and fresh instances.
 */
export function AppProviders(props: { router: AppRouter; queryClient: QueryClient; i18n: I18n }) {
  const { router, queryClient } = props;

  // A 401 from any call means the session ended (logout elsewhere, revoked by an admin):
  // go to the login page and come back here afterwards. The cached pages belonged to that
  // session, so they are dropped once the login page is shown.
  useEffect(() => {
    setUnauthenticatedListener(() => {
      const { pathname, search } = router.state.location;
      if (pathname !== LOGIN_PATH) {
        void router
          .navigate(loginPathFor(`${pathname}${search}`), { replace: true })
          .then(() => queryClient.clear());
      }
    });

    return () => setUnauthenticatedListener(null);
  }, [router, queryClient]);

  return (
    <I18nextProvider i18n={props.i18n}>
      <MantineProvider theme={theme}>
        <Notifications position="bottom-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
