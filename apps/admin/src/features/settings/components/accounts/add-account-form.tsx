import type { ProviderCode } from '@autobuy/contracts';
import { Alert, Button, Group, PasswordInput, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../../../../shared/api/api-error';
import { useErrorText } from '../../../../shared/ui/error-alert';
import { notifySuccess } from '../../../../shared/ui/notify';
import { useCreateAccount } from '../../api/create-account';

/** Kitmall logs in with an API key instead of the popup, so only its form asks for one. */
export function AddAccountForm(props: { provider: ProviderCode; needsApiKey: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const create = useCreateAccount();
  const [login, setLogin] = useState('');
  const [note, setNote] = useState('');
  const [apiKey, setApiKey] = useState('');
  const fieldErrors = isApiError(create.error) ? create.error.fieldErrors() : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        provider: props.provider,
        login: login.trim(),
        note: note.trim() || undefined,
        apiKey: props.needsApiKey ? apiKey.trim() : undefined,
      },
      {
        onSuccess: (account) => {
          notifySuccess(t('accounts.added', { login: account.login }));
          setLogin('');
          setNote('');
          setApiKey('');
        },
      },
    );
  };

  const conflict = isApiError(create.error) && create.error.code === 'conflict';
  const otherError = create.error && Object.keys(fieldErrors).length === 0;

  return (
    <form onSubmit={onSubmit} aria-label={t('accounts.addTitle')} data-testid="add-account-form">
      <Group align="flex-end" mb="sm">
        <TextInput
          label={t('accounts.login')}
          description={t('accounts.loginHint')}
          required
          value={login}
          onChange={(event) => setLogin(event.currentTarget.value)}
          error={fieldErrors.login?.join(' ')}
          data-testid="account-login"
        />
        <TextInput
          label={t('accounts.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldErrors.note?.join(' ')}
        />
        {props.needsApiKey && (
          <PasswordInput
            w={240}
            label={t('accounts.apiKey')}
            required
            value={apiKey}
            onChange={(event) => setApiKey(event.currentTarget.value)}
            error={fieldErrors.apiKey?.join(' ')}
          />
        )}
        <Button type="submit" loading={create.isPending} data-testid="account-add">
          {t('accounts.add')}
        </Button>
      </Group>
      {otherError && (
        <Alert color="red" mb="sm" role="alert">
          {conflict ? t('accounts.exists') : errorText(create.error)}
        </Alert>
      )}
    </form>
  );
}
