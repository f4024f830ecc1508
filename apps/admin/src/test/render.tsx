import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';

import type { OperatorDto } from '@autobuy/contracts';

import { createI18n, type Language } from '../app/i18n/i18n';
import { createQueryClient } from '../shared/api/query-client';
import { CurrentOperatorProvider } from '../shared/auth/current-operator';

export function operator(overrides: Partial<OperatorDto> = {}): OperatorDto {
  return {
    id: 'op-admin',
    login: 'admin',
    role: 'admin',
    disabled: false,
    createdAt: '2026-11-30T10:00:00.000Z',
    ...overrides,
  };
}

/** Renders one component with the providers the app gives every page. */
export function renderWithProviders(
  ui: ReactElement,
  options: { language?: Language; path?: string; as?: OperatorDto } = {},
) {
  const i18n = createI18n(options.language ?? 'en');
  const queryClient = createQueryClient();

  const result = render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter initialEntries={[options.path ?? '/']}>
            <CurrentOperatorProvider operator={options.as ?? operator()}>
              {ui}
            </CurrentOperatorProvider>
          </MemoryRouter>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );

  return { ...result, i18n, queryClient };
}
