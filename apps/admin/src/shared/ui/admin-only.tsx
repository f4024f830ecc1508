import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { useIsAdmin } from '../auth/current-operator';

/** Pages only an admin may use; others get one sentence instead of a wall of 403 errors. */
export function AdminOnly(props: { children: ReactNode }) {
  const { t } = useTranslation();
  if (!useIsAdmin()) {
    return (
      <Alert color="yellow" data-testid="admin-only">
        {t('common.adminOnly')}
      </Alert>
    );
  }

  return <>{props.children}</>;
}
