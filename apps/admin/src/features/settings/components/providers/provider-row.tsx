import type { ProviderDto } from '@autobuy/contracts';
import { Button, Group, NumberInput, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useErrorText } from '../../../../shared/ui/error-alert';
import { notifyFailure, notifySuccess } from '../../../../shared/ui/notify';
import { useUpdateProvider } from '../../api/update-provider';

const MAX_TOLERANCE = 100;

export function ProviderRow(props: { provider: ProviderDto; canEdit: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { provider, canEdit } = props;
  const name = t(`providers.names.${provider.code}`);
  const update = useUpdateProvider();
  const [tolerance, setTolerance] = useState<number | string>(provider.priceTolerancePercent);
  const toleranceValid =
    typeof tolerance === 'number' && tolerance >= 0 && tolerance <= MAX_TOLERANCE;
  const toleranceChanged = tolerance !== provider.priceTolerancePercent;

  const save = (request: { enabled?: boolean; priceTolerancePercent?: number }) =>
    update.mutate(
      { code: provider.code, request },
      {
        onSuccess: () => notifySuccess(t('providers.saved', { name })),
        onError: (error) => notifyFailure(errorText(error)),
      },
    );

  return (
    <Table.Tr data-testid="provider-row" data-provider={provider.code}>
      <Table.Td>
        <Text fw={500}>{name}</Text>
        <Text size="xs" c="dimmed">
          {provider.code}
        </Text>
      </Table.Td>
      <Table.Td>{t(`providers.loginKind.${provider.loginKind}`)}</Table.Td>
      <Table.Td>{provider.needsWarehouse ? t('common.yes') : t('common.no')}</Table.Td>
      <Table.Td>
        <Switch
          checked={provider.enabled}
          disabled={!canEdit || update.isPending}
          aria-label={t('providers.enabledFor', { name })}
          data-testid="provider-enabled"
          onChange={(event) => save({ enabled: event.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <NumberInput
            value={tolerance}
            onChange={setTolerance}
            min={0}
            max={MAX_TOLERANCE}
            decimalScale={2}
            suffix=" %"
            w={110}
            disabled={!canEdit}
            aria-label={t('providers.toleranceFor', { name })}
            error={toleranceValid ? undefined : t('providers.toleranceRange')}
            data-testid="provider-tolerance"
          />
          {canEdit && (
            <Button
              size="xs"
              disabled={!toleranceValid || !toleranceChanged}
              loading={update.isPending}
              onClick={() => save({ priceTolerancePercent: Number(tolerance) })}
            >
              {t('common.save')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
