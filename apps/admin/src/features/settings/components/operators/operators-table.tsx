import { OPERATOR_ROLES, type OperatorDto, type OperatorRole } from '@autobuy/contracts';
import { Badge, Button, Select, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useCurrentOperator } from '../../../../shared/auth/current-operator';
import { formatDateTime } from '../../../../shared/lib/format';
import { ConfirmButton } from '../../../../shared/ui/confirm-button';
import { useErrorText } from '../../../../shared/ui/error-alert';
import { notifyFailure } from '../../../../shared/ui/notify';
import { useUpdateOperator } from '../../api/update-operator';

export function OperatorsTable(props: { operators: OperatorDto[] }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const me = useCurrentOperator();
  const update = useUpdateOperator();
  const onError = { onError: (error: unknown) => notifyFailure(errorText(error)) };

  return (
    <Table data-testid="operators-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('operators.login')}</Table.Th>
          <Table.Th>{t('operators.role')}</Table.Th>
          <Table.Th>{t('operators.status')}</Table.Th>
          <Table.Th>{t('common.createdAt')}</Table.Th>
          <Table.Th>{t('common.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.operators.map((operator) => {
          // Demoting or disabling yourself would lock you out of this very page.
          const isMe = operator.id === me?.id;

          return (
            <Table.Tr key={operator.id} data-testid="operator-row">
              <Table.Td>{operator.login}</Table.Td>
              <Table.Td>
                <Select
                  w={170}
                  aria-label={t('operators.roleOf', { login: operator.login })}
                  data={OPERATOR_ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
                  value={operator.role}
                  allowDeselect={false}
                  disabled={isMe}
                  onChange={(value) =>
                    value &&
                    update.mutate(
                      { id: operator.id, request: { role: value as OperatorRole } },
                      onError,
                    )
                  }
                />
              </Table.Td>
              <Table.Td>
                <Badge color={operator.disabled ? 'gray' : 'green'} variant="light">
                  {operator.disabled ? t('operators.disabled') : t('operators.active')}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDateTime(operator.createdAt, i18n.language)}</Table.Td>
              <Table.Td>
                {isMe ? null : operator.disabled ? (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() =>
                      update.mutate({ id: operator.id, request: { disabled: false } }, onError)
                    }
                  >
                    {t('operators.enable')}
                  </Button>
                ) : (
                  <ConfirmButton
                    label={t('operators.disable')}
                    confirmLabel={t('operators.disable')}
                    question={t('operators.disableQuestion', { login: operator.login })}
                    onConfirm={() =>
                      update.mutate({ id: operator.id, request: { disabled: true } }, onError)
                    }
                  />
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
