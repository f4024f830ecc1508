import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router-dom';

import { createI18n } from './app/i18n/i18n';
import { AppProviders } from './app/providers';
import { appRoutes } from './app/routes';
import { createQueryClient } from './shared/api/query-client';

const container = document.getElementById('root');
if (!container) {
  throw new Error('The page has no #root element to render the admin into.');
}

createRoot(container).render(
  <StrictMode>
    <AppProviders
      router={createBrowserRouter(appRoutes)}
      queryClient={createQueryClient()}
      i18n={createI18n()}
    />
  </StrictMode>,
);
