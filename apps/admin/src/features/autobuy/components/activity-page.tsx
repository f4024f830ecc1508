import { Anchor, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';

import { isApiError } from '../../../shared/api/api-error';
import { useLiveActivity } from '../../../shared/activities/api/use-live-activity';
import { ActivityProgress } from '../../../shared/activities/components/activity-progress';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDateTime } from '../../../shared/lib/format';
import { EmptyBlock } from '../../../shared/ui/empty-block';
import { ErrorAlert } from '../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../shared/ui/loading-block';
import { useOrderTitles } from '../api/order-titles';
import { ACTIVITIES_PATH } from '../lib/paths';
import { ActivityActions } from './activity-actions';
import { ActivityTimeline } from './activity-timeline';

function Field(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm">{props.children}</Text>
    </div>
  );
}

/** One activity: facts, actions, the open question, per-item results, timeline and log. */
export function ActivityPage() {
  const { t, i18n } = useTranslation();
  const { activityId = '' } = useParams();
  const { detail, events } = useLiveActivity(activityId);
  const titles = useOrderTitles(detail.data?.orderId ?? null);
  const activity = detail.data;
  useDocumentTitle(activity ? t(`activityKind.${activity.kind}`) : t('activities.title'));

  const back = (
    <Anchor component={Link} to={ACTIVITIES_PATH} size="sm" data-testid="back-to-activities">
      ← {t('activity.back')}
    </Anchor>
  );

  if (detail.isPending) {
    return <LoadingBlock />;
  }
  if (detail.isError || !activity) {
    return (
      <>
        {back}
        {isApiError(detail.error) && detail.error.status === 404 ? (
          <EmptyBlock title={t('activity.notFound')} testId="activity-not-found" />
        ) : (
          <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </>
    );
  }

  return (
    <Stack gap="md" data-testid="activity-page" data-activity-id={activity.id}>
      {back}
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} data-testid="activity-title">
            {t(`activityKind.${activity.kind}`)}
          </Title>
          <Text c="dimmed" size="sm">
            {activity.summary}
          </Text>
        </div>
        <ActivityActions activity={activity} />
      </Group>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Field label={t('activity.order')}>
            {activity.orderId ? (
              <Anchor
                component={Link}
                to={`/orders/${activity.orderId}`}
                size="sm"
                data-testid="activity-order-number"
              >
                {activity.orderNumber ?? activity.orderId}
              </Anchor>
            ) : (
              '—'
            )}
          </Field>
          <Field label={t('activity.account')}>
            <span data-testid="activity-account-login">
              {activity.accountLogin ?? activity.accountId ?? '—'}
            </span>
          </Field>
          <Field label={t('activity.startedBy')}>{activity.startedBy ?? '—'}</Field>
          <Field label={t('activities.createdAt')}>
            {formatDateTime(activity.createdAt, i18n.language)}
          </Field>
          <Field label={t('activity.startedAt')}>
            {formatDateTime(activity.startedAt, i18n.language)}
          </Field>
          <Field label={t('activity.finishedAt')}>
            {formatDateTime(activity.finishedAt, i18n.language)}
          </Field>
          {activity.failedStep && (
            <Field label={t('activity.failedStep')}>{activity.failedStep}</Field>
          )}
        </SimpleGrid>
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <ActivityProgress
            activity={activity}
            events={events.data}
            titles={titles}
            logHeight={480}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Title order={5} mb="xs">
            {t('activity.timeline')}
          </Title>
          <ActivityTimeline events={events.data ?? []} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
