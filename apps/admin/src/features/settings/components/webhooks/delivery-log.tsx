import type { WebhookDeliveryLogDto, WebhookDto } from '@autobuy/contracts';
import { Badge, Button, Center, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../../shared/lib/format';
import { EmptyBlock } from '../../../../shared/ui/empty-block';
import { ErrorAlert } from '../../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../../shared/ui/loading-block';
import { useWebhookDeliveries } from '../../api/get-webhook-deliveries';
import { webhookEventTextKey } from '../../lib/webhook-rules';

const STATUS_COLORS: Record<WebhookDeliveryLogDto['status'], string> = {
  pending: 'yellow',
  delivered: 'green',
  failed: 'red',
};

function DeliveryRow(props: { delivery: WebhookDeliveryLogDto }) {
  const { t, i18n } = useTranslation();
  const { delivery } = props;
  const lastAttempt = delivery.attemptLog.at(-1);

  return (
    <Table.Tr data-testid="delivery-row" data-status={delivery.status}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(delivery.createdAt, i18n.language)}
      </Table.Td>
      <Table.Td>
        {t(webhookEventTextKey(delivery.event), { defaultValue: delivery.event })}
      </Table.Td>
      <Table.Td>
        <Badge
          color={STATUS_COLORS[delivery.status]}
          variant="light"
          miw="max-content"
          data-testid="delivery-status"
        >
          {t(`webhooks.status.${delivery.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td data-testid="delivery-attempts">{delivery.attempts}</Table.Td>
      <Table.Td data-testid="delivery-response">
        {delivery.responseStatus ?? '—'}
        {(delivery.error ?? lastAttempt?.error) && (
          <Text size="xs" c="red">
            {delivery.error ?? lastAttempt?.error}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="delivery-next-retry">
        {delivery.status === 'delivered'
          ? t('webhooks.deliveredAt', { date: formatDateTime(delivery.deliveredAt, i18n.language) })
          : formatDateTime(delivery.nextAttemptAt, i18n.language)}
      </Table.Td>
    </Table.Tr>
  );
}

function DeliveryLog(props: { webhookId: string }) {
  const { t } = useTranslation();
  const log = useWebhookDeliveries(props.webhookId);
  const deliveries = log.data?.pages.flatMap((page) => page.items) ?? [];

  if (log.isPending) {
    return <LoadingBlock />;
  }
  if (log.isError) {
    return <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />;
  }

  return (
    <Stack>
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="default"
          loading={log.isRefetching && !log.isFetchingNextPage}
          data-testid="deliveries-refresh"
          onClick={() => void log.refetch()}
        >
          {t('webhooks.refresh')}
        </Button>
      </Group>
      {deliveries.length === 0 ? (
        <EmptyBlock
          title={t('webhooks.noDeliveries')}
          description={t('webhooks.noDeliveriesHint')}
          testId="deliveries-empty"
        />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table data-testid="deliveries-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('webhooks.queuedAt')}</Table.Th>
                <Table.Th>{t('webhooks.eventColumn')}</Table.Th>
                <Table.Th>{t('webhooks.statusColumn')}</Table.Th>
                <Table.Th>{t('webhooks.attempts')}</Table.Th>
                <Table.Th>{t('webhooks.responseCode')}</Table.Th>
                <Table.Th>{t('webhooks.nextRetry')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deliveries.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {log.hasNextPage && (
        <Center>
          <Button
            variant="default"
            loading={log.isFetchingNextPage}
            data-testid="deliveries-more"
            onClick={() => void log.fetchNextPage()}
          >
            {t('webhooks.more')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}

/** The delivery log of one webhook in a dialog; it reads the log each time it opens. */
export function DeliveryLogModal(props: { webhook: WebhookDto | null; onClose: () => void }) {
  const { t } = useTranslation();

  return (
    <Modal
      opened={props.webhook !== null}
      onClose={props.onClose}
      title={t('webhooks.deliveriesOf', { url: props.webhook?.url ?? '' })}
      size="xl"
      centered
    >
      {props.webhook && (
        <div data-testid="webhook-deliveries">
          <DeliveryLog webhookId={props.webhook.id} />
        </div>
      )}
    </Modal>
  );
}
