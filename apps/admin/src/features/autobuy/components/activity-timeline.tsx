import type { ActivityEventDto } from '@autobuy/contracts';
import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../shared/lib/format';

// The milestones of an activity: state changes, questions and answers; the log has the rest.
const MILESTONES: readonly ActivityEventDto['type'][] = ['state', 'question', 'answer'];

export function ActivityTimeline(props: { events: ActivityEventDto[] }) {
  const { i18n } = useTranslation();
  const milestones = props.events.filter((event) => MILESTONES.includes(event.type));

  return (
    <Timeline
      active={milestones.length - 1}
      bulletSize={14}
      lineWidth={2}
      data-testid="activity-timeline"
    >
      {milestones.map((event) => (
        <Timeline.Item
          key={event.seq}
          color={event.level === 'error' ? 'red' : event.type === 'question' ? 'orange' : undefined}
          title={event.message}
          data-testid="timeline-entry"
        >
          <Text size="xs" c="dimmed">
            {formatDateTime(event.createdAt, i18n.language)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
