import { Badge, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../../shared/lib/format';
import { ConfirmButton } from '../../../../shared/ui/confirm-button';
import { EmptyBlock } from '../../../../shared/ui/empty-block';
import { ErrorAlert, useErrorText } from '../../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../../shared/ui/loading-block';
import { notifyFailure } from '../../../../shared/ui/notify';
import { useLoginSessions } from '../../api/get-login-sessions';
import { useRevokeLoginSession } from '../../api/revoke-login-session';

export function LoginSessionsTable(props: { currentSessionId: string | null }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const sessions = useLoginSessions();
  const revoke = useRevokeLoginSession();

  return (
    <section aria-labelledby="login-sessions-heading">
      <Title order={3} id="login-sessions-heading" mt="xl" mb="sm">
        {t('sessions.title')}
      </Title>
      {sessions.isPending && <LoadingBlock />}
      {sessions.isError && (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      )}
      {sessions.isSuccess && sessions.data.length === 0 && (
        <EmptyBlock title={t('sessions.empty')} />
      )}
      {sessions.isSuccess && sessions.data.length > 0 && (
        <Table data-testid="login-sessions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('operators.login')}</Table.Th>
              <Table.Th>{t('sessions.lastSeen')}</Table.Th>
              <Table.Th>{t('sessions.client')}</Table.Th>
              <Table.Th>{t('operators.status')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data.map((session) => (
              <Table.Tr key={session.id}>
                <Table.Td>{session.operatorLogin}</Table.Td>
                <Table.Td>{formatDateTime(session.lastSeenAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{session.ip ?? '—'}</Text>
                  <Text size="xs" c="dimmed" lineClamp={1} maw={320}>
                    {session.userAgent ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {session.revokedAt ? (
                    <Badge color="gray" variant="light">
                      {t('sessions.revoked')}
                    </Badge>
                  ) : (
                    <Badge color="green" variant="light">
                      {session.id === props.currentSessionId
                        ? t('sessions.current')
                        : t('sessions.active')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {!session.revokedAt && session.id !== props.currentSessionId && (
                    <ConfirmButton
                      label={t('sessions.revoke')}
                      confirmLabel={t('sessions.revoke')}
                      question={t('sessions.revokeQuestion', { login: session.operatorLogin })}
                      onConfirm={() =>
                        revoke.mutate(session.id, {
                          onError: (error) => notifyFailure(errorText(error)),
                        })
                      }
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
