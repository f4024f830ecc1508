import type { ActivityEventDto } from '@autobuy/contracts';
import { Code, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../lib/format';

const LEVEL_COLORS: Record<ActivityEventDto['level'], string | undefined> = {
  debug: 'dimmed',
  info: undefined,
  warn: 'orange',
  error: 'red',
};

/** The activity's events, oldest first, as the handler wrote them. */
export function ActivityLog(props: { events: ActivityEventDto[]; height?: number }) {
  const { t, i18n } = useTranslation();

  if (props.events.length === 0) {
    return <Text c="dimmed">{t('activity.logEmpty')}</Text>;
  }

  return (
    <ScrollArea.Autosize mah={props.height ?? 320} type="auto">
      <Stack gap={2} data-testid="activity-log" role="log" aria-live="polite">
        {props.events.map((event) => (
          <Text
            key={event.seq}
            size="xs"
            c={LEVEL_COLORS[event.level]}
            data-testid="log-entry"
            data-type={event.type}
          >
            <Code>{formatDateTime(event.createdAt, i18n.language)}</Code> {event.message}
          </Text>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
