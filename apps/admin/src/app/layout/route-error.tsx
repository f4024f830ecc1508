import { Alert, Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router-dom';

/** Shown instead of a blank page when a page fails to render; reloading usually recovers. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const details = error instanceof Error ? error.message : null;

  return (
    <Center p="xl">
      <Stack maw={560}>
        <Alert color="red" title={t('common.errorTitle')} role="alert" data-testid="route-error">
          {t('common.pageFailed')}
          {details && <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{details}</pre>}
        </Alert>
        <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
      </Stack>
    </Center>
  );
}
