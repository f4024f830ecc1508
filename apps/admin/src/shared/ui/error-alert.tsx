import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/api-error';

/** The operator-facing text of an error: a known code in their language, else the server's words. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();

  return (error: unknown) => {
    if (isApiError(error)) {
      return t(`errors.${error.code}`, { defaultValue: error.message });
    }

    return t('errors.unexpected_response');
  };
}

export function ErrorAlert(props: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();

  return (
    <Alert color="red" title={props.title ?? t('common.errorTitle')} role="alert">
      <Group justify="space-between" align="center">
        <Text size="sm">{errorText(props.error)}</Text>
        {props.onRetry && (
          <Button size="xs" variant="light" color="red" onClick={props.onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
