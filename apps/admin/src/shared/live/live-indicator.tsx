import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useLiveStatus } from './live-context';

/** Shown in the header only while the live channel is down: the page may be out of date. */
export function LiveIndicator() {
  const { t } = useTranslation();
  const status = useLiveStatus();

  if (status !== 'down') {
    return null;
  }

  return (
    <Tooltip label={t('live.downHint')} multiline w={260}>
      <Badge color="orange" variant="light" role="status" data-testid="live-down">
        {t('live.down')}
      </Badge>
    </Tooltip>
  );
}
