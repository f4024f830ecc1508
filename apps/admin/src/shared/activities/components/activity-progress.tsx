import {
  WORKFLOW_COUNTERS,
  type ActivityDetailDto,
  type ActivityEventDto,
} from '@autobuy/contracts';
import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ActivityLog } from './activity-log';
import { ActivityStateBadge } from './activity-state-badge';
import { ItemResults } from './item-results';
import { QuestionPanel } from './question-panel';

function Counters(props: { counters: Record<string, number> }) {
  const { t } = useTranslation();
  const shown = WORKFLOW_COUNTERS.filter((name) => props.counters[name] !== undefined);
  if (shown.length === 0) {
    return null;
  }

  return (
    <SimpleGrid cols={{ base: 2, sm: shown.length }} spacing="xs" data-testid="activity-counters">
      {shown.map((name) => (
        <Paper key={name} withBorder p="xs" data-testid="counter" data-counter={name}>
          <Text size="xs" c="dimmed">
            {t(`counters.${name}`)}
          </Text>
          <Text fw={700} size="lg" data-testid="counter-value">
            {props.counters[name]}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/**
 * Everything an operator follows while an activity runs: state and step, counters, the open
 * question, per-item results and the live log. Shared by the progress modal and the detail page.
 */
export function ActivityProgress(props: {
  activity: ActivityDetailDto;
  events: ActivityEventDto[] | undefined;
  titles?: Record<string, string>;
  logHeight?: number;
}) {
  const { t } = useTranslation();
  const { activity } = props;

  return (
    <Stack gap="md">
      <Group gap="sm">
        <ActivityStateBadge state={activity.state} />
        {activity.step && (
          <Text size="sm" data-testid="activity-step">
            {t('progress.currentStep')}: {activity.step}
          </Text>
        )}
      </Group>
      {activity.reason && (
        <Text
          size="sm"
          c={activity.state === 'failed' ? 'red' : undefined}
          data-testid="activity-reason"
        >
          {t('activity.reason')}: {activity.reason}
        </Text>
      )}
      <Counters counters={activity.counters} />
      {activity.openQuestion && <QuestionPanel question={activity.openQuestion} />}
      <section>
        <Title order={5} mb={4}>
          {t('progress.items')}
        </Title>
        <ItemResults itemStates={activity.itemStates} titles={props.titles} />
      </section>
      <section>
        <Title order={5} mb={4}>
          {t('progress.log')}
        </Title>
        <ActivityLog events={props.events ?? []} height={props.logHeight} />
      </section>
    </Stack>
  );
}
