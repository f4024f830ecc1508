import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';

import { createI18n, type Language } from '../app/i18n/i18n';
import { createQueryClient } from '../shared/api/query-client';

/** Renders one component with the providers the app gives every page. */
export function renderWithProviders(
  ui: ReactElement,
  options: { language?: Language; path?: string } = {},
) {
  const i18n = createI18n(options.language ?? 'en');
  const queryClient = createQueryClient();

  const result = render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter initialEntries={[options.path ?? '/']}>{ui}</MemoryRouter>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );

  return { ...result, i18n, queryClient };
}
