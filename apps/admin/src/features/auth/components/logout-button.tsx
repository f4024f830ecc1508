import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { useLogout } from '../api/logout';
import { LOGIN_PATH } from './safe-next-path';

export function LogoutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logoutMutation = useLogout();

  return (
    <Button
      variant="subtle"
      size="compact-sm"
      loading={logoutMutation.isPending}
      data-testid="logout"
      onClick={() =>
        logoutMutation.mutate(undefined, {
          onSettled: () => void navigate(LOGIN_PATH, { replace: true }),
        })
      }
    >
      {t('auth.logout')}
    </Button>
  );
}
