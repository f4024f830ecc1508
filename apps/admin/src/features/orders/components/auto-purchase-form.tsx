import type { ProviderCode, ProviderSessionDto } from '@autobuy/contracts';
import { Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useCanOperate } from '../../../shared/auth/can-operate';
import { ErrorAlert } from '../../../shared/ui/error-alert';
import { SessionPanel } from './session-panel';

/**
 * The auto-purchase form right under the tab title: which provider's session reserves, and the
 * "Reserve" button for the ticked items.
 */
export function AutoPurchaseForm(props: {
  providers: ProviderCode[];
  provider: ProviderCode | null;
  onProviderChange: (provider: ProviderCode) => void;
  session: ProviderSessionDto | null;
  chosenSessionId: string | null;
  onChooseSession: (sessionId: string) => void;
  selectedCount: number;
  reserving: boolean;
  reserveError: unknown;
  onReserve: () => void;
  onActivity: (activityId: string) => void;
}) {
  const { t } = useTranslation();
  const canOperate = useCanOperate();
  const sessionProblem = !props.chosenSessionId
    ? t('workflow.noSessionChosen')
    : props.session && props.session.state !== 'active'
      ? t('workflow.sessionNotActive')
      : null;

  return (
    <Paper withBorder p="md" data-testid="auto-purchase-form">
      <Stack gap="sm">
        <Title order={4}>{t('workflow.autoPurchase')}</Title>
        {props.providers.length > 1 && (
          <SegmentedControl
            data={props.providers.map((code) => ({
              value: code,
              label: t(`providers.names.${code}`),
            }))}
            value={props.provider ?? props.providers[0]}
            data-testid="purchase-provider"
            onChange={(value) => {
              const chosen = props.providers.find((code) => code === value);
              if (chosen) props.onProviderChange(chosen);
            }}
          />
        )}
        {props.provider && (
          <SessionPanel
            provider={props.provider}
            chosenSessionId={props.chosenSessionId}
            onChoose={props.onChooseSession}
            onActivity={props.onActivity}
          />
        )}
        {canOperate && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="reserve-hint">
              {sessionProblem ?? t('workflow.selected', { count: props.selectedCount })}
            </Text>
            <Button
              disabled={sessionProblem !== null || props.selectedCount === 0}
              loading={props.reserving}
              data-testid="reserve"
              onClick={props.onReserve}
            >
              {t('workflow.reserve')}
            </Button>
          </Group>
        )}
        {props.reserveError !== null && <ErrorAlert error={props.reserveError} />}
      </Stack>
    </Paper>
  );
}
