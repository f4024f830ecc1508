import type { ActivityDetailDto } from '@autobuy/contracts';
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import {
  useCancelActivity,
  useRetryActivity,
} from '../../../shared/activities/api/activity-mutations';
import { useCanOperate } from '../../../shared/auth/can-operate';
import { ConfirmButton } from '../../../shared/ui/confirm-button';
import { ErrorAlert } from '../../../shared/ui/error-alert';
import { notifySuccess } from '../../../shared/ui/notify';
import { canCancel, canRetry } from '../lib/activity-filters';

/** Cancel (after confirming) while it can still stop; retry once it failed. */
export function ActivityActions(props: { activity: ActivityDetailDto }) {
  const { t } = useTranslation();
  const { activity } = props;
  const canOperate = useCanOperate();
  const cancel = useCancelActivity(activity.id);
  const retry = useRetryActivity(activity.id);

  if (!canOperate) {
    return null;
  }

  return (
    <>
      <Group gap="sm">
        {canCancel(activity.state, activity.kind) && !activity.cancelRequested && (
          <ConfirmButton
            label={t('activity.cancel')}
            question={t('activity.cancelQuestion')}
            confirmLabel={t('activity.cancel')}
            loading={cancel.isPending}
            data-testid="activity-cancel"
            onConfirm={() =>
              cancel.mutate(undefined, { onSuccess: () => notifySuccess(t('activity.cancelled')) })
            }
          />
        )}
        {activity.cancelRequested && !['cancelled'].includes(activity.state) && (
          <Text size="sm" c="dimmed" data-testid="cancel-requested">
            {t('activity.cancelRequested')}
          </Text>
        )}
        {canRetry(activity.state) && (
          <Button
            size="xs"
            loading={retry.isPending}
            data-testid="activity-retry"
            onClick={() =>
              retry.mutate(undefined, { onSuccess: () => notifySuccess(t('activity.retried')) })
            }
          >
            {t('activity.retry')}
          </Button>
        )}
      </Group>
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      {retry.isError && <ErrorAlert error={retry.error} />}
    </>
  );
}
