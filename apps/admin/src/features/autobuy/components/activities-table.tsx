import type { ActivityDto } from '@autobuy/contracts';
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';

import { ActivityStateBadge } from '../../../shared/activities/components/activity-state-badge';
import { formatDateTime } from '../../../shared/lib/format';
import { activityPath } from '../lib/paths';

function ActivityRow(props: { activity: ActivityDto }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { activity } = props;
  const waiting = activity.state === 'waiting_for_operator';

  return (
    <Table.Tr
      data-testid="activity-row"
      data-activity-id={activity.id}
      data-state={activity.state}
      bg={waiting ? 'var(--mantine-color-orange-light)' : undefined}
      style={{ cursor: 'pointer' }}
      onClick={() => void navigate(activityPath(activity.id))}
    >
      <Table.Td>
        <Anchor
          component={Link}
          to={activityPath(activity.id)}
          fw={waiting ? 700 : 500}
          data-testid="activity-link"
          onClick={(event) => event.stopPropagation()}
        >
          {t(`activityKind.${activity.kind}`)}
        </Anchor>
        <Text size="xs" c="dimmed">
          {activity.summary}
        </Text>
      </Table.Td>
      <Table.Td>
        <ActivityStateBadge state={activity.state} />
      </Table.Td>
      <Table.Td>
        <Text size="xs" data-testid="activity-order-number">
          {activity.orderNumber ?? activity.orderId ?? '—'}
        </Text>
        <Text size="xs" c="dimmed" data-testid="activity-account-login">
          {activity.accountLogin ?? activity.accountId ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(activity.createdAt, i18n.language)}
      </Table.Td>
    </Table.Tr>
  );
}

export function ActivitiesTable(props: { activities: ActivityDto[]; testId: string }) {
  const { t } = useTranslation();

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm" data-testid={props.testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('activities.summary')}</Table.Th>
            <Table.Th>{t('activities.state')}</Table.Th>
            <Table.Th>
              {t('activity.order')} / {t('activity.account')}
            </Table.Th>
            <Table.Th>{t('activities.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.activities.map((activity) => (
            <ActivityRow key={activity.id} activity={activity} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
