import { OPERATOR_ROLES, type OperatorRole } from '@autobuy/contracts';
import { Alert, Button, Group, PasswordInput, Select, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../../../../shared/api/api-error';
import { useErrorText } from '../../../../shared/ui/error-alert';
import { notifySuccess } from '../../../../shared/ui/notify';
import { useCreateOperator } from '../../api/create-operator';

export function AddOperatorForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const create = useCreateOperator();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<OperatorRole>('operator');
  const fieldErrors = isApiError(create.error) ? create.error.fieldErrors() : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { login: login.trim(), password, role },
      {
        onSuccess: (operator) => {
          notifySuccess(t('operators.added', { login: operator.login }));
          setLogin('');
          setPassword('');
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} aria-label={t('operators.addTitle')} data-testid="add-operator-form">
      <Group align="flex-end" mb="sm">
        <TextInput
          label={t('operators.login')}
          required
          value={login}
          onChange={(event) => setLogin(event.currentTarget.value)}
          error={fieldErrors.login?.join(' ')}
        />
        <PasswordInput
          w={220}
          label={t('operators.password')}
          required
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldErrors.password?.join(' ')}
        />
        <Select
          label={t('operators.role')}
          data={OPERATOR_ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={role}
          allowDeselect={false}
          onChange={(value) => setRole((value as OperatorRole | null) ?? 'operator')}
        />
        <Button type="submit" loading={create.isPending}>
          {t('operators.add')}
        </Button>
      </Group>
      {create.error && Object.keys(fieldErrors).length === 0 && (
        <Alert color="red" mb="sm" role="alert">
          {isApiError(create.error) && create.error.code === 'conflict'
            ? t('operators.exists')
            : errorText(create.error)}
        </Alert>
      )}
    </form>
  );
}
