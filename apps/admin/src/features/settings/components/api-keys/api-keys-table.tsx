import type { ApiKeyDto } from '@autobuy/contracts';
import { Badge, Code, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../../shared/lib/format';
import { ConfirmButton } from '../../../../shared/ui/confirm-button';
import { useErrorText } from '../../../../shared/ui/error-alert';
import { notifyFailure, notifySuccess } from '../../../../shared/ui/notify';
import { useRevokeApiKey } from '../../api/revoke-api-key';

export function ApiKeysTable(props: { keys: ApiKeyDto[] }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const revoke = useRevokeApiKey();

  return (
    <Table data-testid="api-keys-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('apiKeys.name')}</Table.Th>
          <Table.Th>{t('apiKeys.prefix')}</Table.Th>
          <Table.Th>{t('apiKeys.scopes')}</Table.Th>
          <Table.Th>{t('common.createdAt')}</Table.Th>
          <Table.Th>{t('apiKeys.lastUsed')}</Table.Th>
          <Table.Th>{t('common.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.keys.map((key) => (
          <Table.Tr key={key.id} data-testid="api-key-row">
            <Table.Td>{key.name}</Table.Td>
            <Table.Td>
              <Code>{key.prefix}…</Code>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {key.scopes.map((scope) => (
                  <Badge key={scope} variant="outline">
                    {scope}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{formatDateTime(key.createdAt, i18n.language)}</Table.Td>
            <Table.Td>{formatDateTime(key.lastUsedAt, i18n.language)}</Table.Td>
            <Table.Td>
              {key.revokedAt ? (
                <Badge color="gray" variant="light">
                  {t('apiKeys.revokedAt', { date: formatDateTime(key.revokedAt, i18n.language) })}
                </Badge>
              ) : (
                <ConfirmButton
                  label={t('apiKeys.revoke')}
                  confirmLabel={t('apiKeys.revoke')}
                  question={t('apiKeys.revokeQuestion', { name: key.name })}
                  data-testid="api-key-revoke"
                  onConfirm={() =>
                    revoke.mutate(key.id, {
                      onSuccess: () => notifySuccess(t('apiKeys.revoked', { name: key.name })),
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
  );
}
