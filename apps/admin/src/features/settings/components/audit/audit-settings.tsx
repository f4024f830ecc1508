import type { AuditEntryDto } from '@autobuy/contracts';
import { Badge, Button, Center, Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../../shared/lib/format';
import { AdminOnly } from '../../../../shared/ui/admin-only';
import { EmptyBlock } from '../../../../shared/ui/empty-block';
import { ErrorAlert } from '../../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../../shared/ui/loading-block';
import { PageTitle } from '../../../../shared/ui/page-title';
import { useAuditLog } from '../../api/get-audit-log';

/** The named fields of an entry (order, items, choice…) as `name: value` pairs, one line. */
function detailsText(details: AuditEntryDto['details']): string {
  if (!details) {
    return '';
  }

  return Object.entries(details)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

function AuditRow(props: { entry: AuditEntryDto }) {
  const { t, i18n } = useTranslation();
  const { entry } = props;
  const details = detailsText(entry.details);

  return (
    <Table.Tr data-testid="audit-row" data-action={entry.action} data-outcome={entry.outcome}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(entry.occurredAt, i18n.language)}
      </Table.Td>
      <Table.Td data-testid="audit-actor">
        <Text size="sm">{entry.actorLabel ?? '—'}</Text>
        <Text size="xs" c="dimmed">
          {t(`audit.actorType.${entry.actorType}`, { defaultValue: entry.actorType })}
        </Text>
      </Table.Td>
      <Table.Td data-testid="audit-action">
        <Code>{entry.action}</Code>
        {details && (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {details}
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid="audit-target">
        <Text size="xs" style={{ wordBreak: 'break-all' }}>
          {entry.target ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={entry.outcome === 'ok' ? 'green' : 'red'} variant="light" miw="max-content">
          {entry.outcome === 'ok' ? t('audit.ok') : entry.outcome}
        </Badge>
      </Table.Td>
      <Table.Td data-testid="audit-origin">
        <Text size="sm">{entry.ip ?? '—'}</Text>
        <Text size="xs" c="dimmed" lineClamp={2} title={entry.userAgent ?? undefined}>
          {entry.userAgent ?? ''}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function AuditContent() {
  const { t } = useTranslation();
  const log = useAuditLog();
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  if (log.isPending) {
    return <LoadingBlock />;
  }
  if (log.isError) {
    return <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />;
  }
  if (entries.length === 0) {
    return <EmptyBlock title={t('audit.empty')} description={t('audit.emptyHint')} />;
  }

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('audit.hint')}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="xs" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.when')}</Table.Th>
              <Table.Th>{t('audit.who')}</Table.Th>
              <Table.Th>{t('audit.what')}</Table.Th>
              <Table.Th>{t('audit.target')}</Table.Th>
              <Table.Th>{t('audit.outcome')}</Table.Th>
              <Table.Th>{t('audit.from')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {log.hasNextPage && (
        <Center>
          <Button
            variant="default"
            loading={log.isFetchingNextPage}
            data-testid="audit-more"
            onClick={() => void log.fetchNextPage()}
          >
            {t('audit.more')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}

/** Settings → Audit log (admins): every write through the API, newest first. */
export function AuditSettings() {
  const { t } = useTranslation();

  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <AdminOnly>
        <AuditContent />
      </AdminOnly>
    </>
  );
}
