import { Anchor, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { ErrorAlert } from '../../ui/error-alert';
import { LoadingBlock } from '../../ui/loading-block';
import { useLiveActivity } from '../api/use-live-activity';
import { ActivityProgress } from './activity-progress';

/**
 * The progress of one activity in a dialog. Closing it only hides it: the activity goes on and
 * can be opened again from the activities page.
 */
export function ProgressModal(props: {
  activityId: string;
  onClose: () => void;
  titles?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { detail, events } = useLiveActivity(props.activityId);
  const kind = detail.data ? t(`activityKind.${detail.data.kind}`) : '';

  return (
    <Modal
      opened
      onClose={props.onClose}
      size="xl"
      title={t('progress.title', { kind })}
      closeButtonProps={
        { 'aria-label': t('common.close'), 'data-testid': 'progress-close' } as never
      }
      data-testid="progress-modal"
    >
      {detail.isPending ? (
        <LoadingBlock />
      ) : detail.isError ? (
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <ActivityProgress
          activity={detail.data}
          events={events.data}
          titles={props.titles}
          logHeight={220}
        />
      )}
      <Text size="xs" c="dimmed" mt="md">
        {t('progress.closeHint')}{' '}
        <Anchor
          component={Link}
          to={`/plugins/autobuy/activities/${props.activityId}`}
          size="xs"
          data-testid="progress-to-activity"
        >
          {t('progress.toActivity')}
        </Anchor>
      </Text>
    </Modal>
  );
}
