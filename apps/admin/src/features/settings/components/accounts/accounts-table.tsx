import type { ProviderAccountDto } from '@autobuy/contracts';
import { Switch, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../../shared/lib/format';
import { ConfirmButton } from '../../../../shared/ui/confirm-button';
import { useErrorText } from '../../../../shared/ui/error-alert';
import { notifyFailure, notifySuccess } from '../../../../shared/ui/notify';
import { useDeleteAccount } from '../../api/delete-account';
import { useUpdateAccount } from '../../api/update-account';

export function AccountsTable(props: { accounts: ProviderAccountDto[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const update = useUpdateAccount();
  const remove = useDeleteAccount();

  return (
    <Table data-testid="accounts-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('accounts.login')}</Table.Th>
          <Table.Th>{t('accounts.note')}</Table.Th>
          <Table.Th>{t('accounts.enabled')}</Table.Th>
          <Table.Th>{t('common.createdAt')}</Table.Th>
          {props.canEdit && <Table.Th>{t('common.actions')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.accounts.map((account) => (
          <Table.Tr key={account.id} data-testid="account-row" data-account-id={account.id}>
            <Table.Td>{account.login}</Table.Td>
            <Table.Td>{account.note ?? '—'}</Table.Td>
            <Table.Td>
              <Switch
                checked={account.enabled}
                disabled={!props.canEdit}
                aria-label={t('accounts.enabledFor', { login: account.login })}
                onChange={(event) =>
                  update.mutate(
                    { id: account.id, request: { enabled: event.currentTarget.checked } },
                    { onError: (error) => notifyFailure(errorText(error)) },
                  )
                }
              />
            </Table.Td>
            <Table.Td>{formatDateTime(account.createdAt, i18n.language)}</Table.Td>
            {props.canEdit && (
              <Table.Td>
                <ConfirmButton
                  label={t('common.delete')}
                  question={t('accounts.deleteQuestion', { login: account.login })}
                  confirmLabel={t('common.delete')}
                  data-testid="account-delete"
                  onConfirm={() =>
                    remove.mutate(account.id, {
                      onSuccess: () =>
                        notifySuccess(t('accounts.deleted', { login: account.login })),
                      onError: (error) => notifyFailure(errorText(error)),
                    })
                  }
                />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
