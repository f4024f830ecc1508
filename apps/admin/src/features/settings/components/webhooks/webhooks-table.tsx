import type { WebhookDto } from '@autobuy/contracts';
import { Badge, Button, Group, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../../shared/lib/format';
import { ConfirmButton } from '../../../../shared/ui/confirm-button';
import { useErrorText } from '../../../../shared/ui/error-alert';
import { notifyFailure, notifySuccess } from '../../../../shared/ui/notify';
import { useDeleteWebhook } from '../../api/delete-webhook';
import { useUpdateWebhook } from '../../api/update-webhook';
import { webhookEventTextKey } from '../../lib/webhook-rules';

export function WebhooksTable(props: {
  webhooks: WebhookDto[];
  onShowDeliveries: (webhook: WebhookDto) => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const remove = useDeleteWebhook();
  const update = useUpdateWebhook();

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table data-testid="webhooks-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('webhooks.url')}</Table.Th>
            <Table.Th>{t('webhooks.events')}</Table.Th>
            <Table.Th>{t('webhooks.enabled')}</Table.Th>
            <Table.Th>{t('common.createdAt')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.webhooks.map((webhook) => (
            <Table.Tr key={webhook.id} data-testid="webhook-row" data-webhook-id={webhook.id}>
              <Table.Td maw={320}>
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {webhook.url}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {webhook.events.map((name) => (
                    <Badge key={name} variant="outline">
                      {t(webhookEventTextKey(name), { defaultValue: name })}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Switch
                  checked={webhook.enabled}
                  aria-label={t('webhooks.enabled')}
                  data-testid="webhook-enabled"
                  onChange={(event) =>
                    update.mutate(
                      { id: webhook.id, request: { enabled: event.currentTarget.checked } },
                      { onError: (error) => notifyFailure(errorText(error)) },
                    )
                  }
                />
              </Table.Td>
              <Table.Td>{formatDateTime(webhook.createdAt, i18n.language)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    data-testid="webhook-deliveries-open"
                    onClick={() => props.onShowDeliveries(webhook)}
                  >
                    {t('webhooks.deliveries')}
                  </Button>
                  <ConfirmButton
                    label={t('common.delete')}
                    confirmLabel={t('common.delete')}
                    question={t('webhooks.deleteQuestion', { url: webhook.url })}
                    data-testid="webhook-delete"
                    onConfirm={() =>
                      remove.mutate(webhook.id, {
                        onSuccess: () => notifySuccess(t('webhooks.deleted')),
                        onError: (error) => notifyFailure(errorText(error)),
                      })
                    }
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
