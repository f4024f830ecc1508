import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';

import { isApiError } from '../../../shared/api/api-error';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useErrorText } from '../../../shared/ui/error-alert';

import { useLogin } from '../api/login';
import { safeNextPath } from './safe-next-path';

export function LoginPage(props: { languageSwitch?: React.ReactNode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const loginMutation = useLogin();
  const [loginName, setLoginName] = useState('');
  const [password, setPassword] = useState('');
  useDocumentTitle(t('auth.title'));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    loginMutation.mutate(
      { login: loginName.trim(), password },
      {
        onSuccess: () => {
          void navigate(safeNextPath(searchParams.get('next')), { replace: true });
        },
      },
    );
  };

  const error = loginMutation.error;
  const errorMessage =
    isApiError(error) && error.code === 'invalid_credentials'
      ? t('auth.invalidCredentials')
      : error
        ? errorText(error)
        : null;

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380} radius="md">
        <form onSubmit={onSubmit} aria-label={t('auth.formLabel')} data-testid="login-form">
          <Stack>
            <Title order={2}>{t('auth.title')}</Title>
            {props.languageSwitch}
            {errorMessage && (
              <Alert color="red" role="alert" data-testid="login-error">
                {errorMessage}
              </Alert>
            )}
            <TextInput
              label={t('auth.login')}
              name="login"
              autoComplete="username"
              required
              autoFocus
              value={loginName}
              onChange={(event) => setLoginName(event.currentTarget.value)}
              data-testid="login-name"
            />
            <PasswordInput
              label={t('auth.password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              data-testid="login-password"
            />
            <Button type="submit" loading={loginMutation.isPending} data-testid="login-submit">
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
