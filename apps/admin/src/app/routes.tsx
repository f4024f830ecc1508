import { useTranslation } from 'react-i18next';
import { Navigate, type RouteObject } from 'react-router-dom';

import { LoginPage, RequireAuth, useMe } from '../features/auth';
import { ActivitiesPage, ActivityPage } from '../features/autobuy';
import { OrderPage, OrdersPage } from '../features/orders';
import { LoginPopupPage } from '../features/popup-login';
import {
  AccountsSettings,
  ApiKeysSettings,
  AuditSettings,
  OperatorsSettings,
  ProvidersSettings,
  WarehouseSettings,
  WebhooksSettings,
} from '../features/settings';
import { LiveProvider } from '../shared/live/live-context';
import { EmptyBlock } from '../shared/ui/empty-block';
import { AppLayout } from './layout/app-layout';
import { LanguageSwitch } from './layout/language-switch';
import { RouteError } from './layout/route-error';

function OperatorsRoute() {
  const me = useMe();

  return <OperatorsSettings currentSessionId={me.data?.sessionId ?? null} />;
}

function NotFoundRoute() {
  const { t } = useTranslation();

  return <EmptyBlock title={t('errors.not_found')} testId="page-not-found" />;
}

export const appRoutes: RouteObject[] = [
  {
    path: '/login',
    element: <LoginPage languageSwitch={<LanguageSwitch />} />,
    errorElement: <RouteError />,
  },
  {
    // The provider login popup: its own window, without the menu and header.
    path: '/popup/login/:activityId',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <LiveProvider>
          <LoginPopupPage />
        </LiveProvider>
      </RequireAuth>
    ),
  },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/orders" replace /> },
      { path: 'orders', element: <OrdersPage /> },
      { path: 'orders/:orderId', element: <OrderPage /> },
      { path: 'plugins', element: <Navigate to="/plugins/autobuy" replace /> },
      { path: 'plugins/autobuy', element: <ActivitiesPage /> },
      { path: 'plugins/autobuy/activities/:activityId', element: <ActivityPage /> },
      { path: 'settings', element: <Navigate to="/settings/providers" replace /> },
      { path: 'settings/providers', element: <ProvidersSettings /> },
      { path: 'settings/accounts', element: <AccountsSettings /> },
      { path: 'settings/warehouse', element: <WarehouseSettings /> },
      { path: 'settings/operators', element: <OperatorsRoute /> },
      { path: 'settings/api-keys', element: <ApiKeysSettings /> },
      { path: 'settings/webhooks', element: <WebhooksSettings /> },
      { path: 'settings/audit', element: <AuditSettings /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
