import type { ActivityState } from '@autobuy/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ActivityState, string> = {
  queued: 'gray',
  running: 'blue',
  waiting_for_operator: 'orange',
  succeeded: 'green',
  partly_succeeded: 'yellow',
  failed: 'red',
  aborted: 'red',
  cancelled: 'gray',
};

export function ActivityStateBadge(props: { state: ActivityState }) {
  const { t } = useTranslation();

  return (
    <Badge
      color={COLORS[props.state]}
      variant="light"
      data-testid="activity-state"
      data-state={props.state}
    >
      {t(`activityState.${props.state}`)}
    </Badge>
  );
}
