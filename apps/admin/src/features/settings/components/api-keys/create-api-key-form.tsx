import { API_KEY_SCOPES, type ApiKeyScope, type CreatedApiKeyDto } from '@autobuy/contracts';
import { Alert, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../../../../shared/api/api-error';
import { useErrorText } from '../../../../shared/ui/error-alert';
import { useCreateApiKey } from '../../api/create-api-key';

export function CreateApiKeyForm(props: { onCreated: (created: CreatedApiKeyDto) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['read']);
  const fieldErrors = isApiError(create.error) ? create.error.fieldErrors() : {};
  const scopesMissing = scopes.length === 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (scopesMissing) {
      return;
    }
    create.mutate(
      { name: name.trim(), scopes },
      {
        onSuccess: (created) => {
          setName('');
          props.onCreated(created);
        },
      },
    );
  };

  return (
    <form
      onSubmit={onSubmit}
      aria-label={t('apiKeys.createTitle')}
      data-testid="create-api-key-form"
    >
      <Stack mb="lg" maw={520}>
        <TextInput
          label={t('apiKeys.name')}
          description={t('apiKeys.nameHint')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrors.name?.join(' ')}
          data-testid="api-key-name"
        />
        <Checkbox.Group
          label={t('apiKeys.scopes')}
          value={scopes}
          onChange={(values) => setScopes(API_KEY_SCOPES.filter((scope) => values.includes(scope)))}
          error={scopesMissing ? t('apiKeys.scopesRequired') : fieldErrors.scopes?.join(' ')}
        >
          <Group mt="xs">
            {API_KEY_SCOPES.map((scope) => (
              <Checkbox key={scope} value={scope} label={t(`apiKeys.scope.${scope}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        {create.error && Object.keys(fieldErrors).length === 0 && (
          <Alert color="red" role="alert">
            {errorText(create.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={create.isPending} data-testid="api-key-create">
            {t('apiKeys.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
