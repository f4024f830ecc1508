import { WEBHOOK_EVENTS, type CreatedWebhookDto } from '@autobuy/contracts';
import { Alert, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../../../../shared/api/api-error';
import { useErrorText } from '../../../../shared/ui/error-alert';
import { useCreateWebhook } from '../../api/create-webhook';
import { validateWebhook, webhookEventTextKey } from '../../lib/webhook-rules';

export function CreateWebhookForm(props: { onCreated: (created: CreatedWebhookDto) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([...WEBHOOK_EVENTS]);
  // Rules are shown once the admin left the field or tried to send, not at the first keystroke.
  const [urlTouched, setUrlTouched] = useState(false);
  const problems = validateWebhook({ url, events });
  const serverErrors = isApiError(create.error) ? create.error.fieldErrors() : {};
  const urlError =
    urlTouched && problems.url ? t(`webhooks.rule.${problems.url}`) : serverErrors.url?.join(' ');
  const eventsError = problems.events
    ? t(`webhooks.rule.${problems.events}`)
    : serverErrors.events?.join(' ');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setUrlTouched(true);
    if (Object.keys(problems).length > 0) {
      return;
    }
    create.mutate(
      { url: url.trim(), events },
      {
        onSuccess: (created) => {
          setUrl('');
          setUrlTouched(false);
          props.onCreated(created);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} aria-label={t('webhooks.createTitle')} data-testid="webhook-form">
      <Stack mb="lg" maw={620}>
        <TextInput
          label={t('webhooks.url')}
          description={t('webhooks.urlHint')}
          placeholder="https://shop.example.com/autobuy/events"
          required
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          onBlur={() => setUrlTouched(url !== '')}
          error={urlError}
          data-testid="webhook-url"
        />
        <Checkbox.Group
          label={t('webhooks.events')}
          value={events}
          onChange={(values) => setEvents(WEBHOOK_EVENTS.filter((name) => values.includes(name)))}
          error={eventsError}
          data-testid="webhook-events"
        >
          <Group mt="xs">
            {WEBHOOK_EVENTS.map((name) => (
              <Checkbox key={name} value={name} label={t(webhookEventTextKey(name))} />
            ))}
          </Group>
        </Checkbox.Group>
        {create.error && Object.keys(serverErrors).length === 0 && (
          <Alert color="red" role="alert">
            {errorText(create.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={create.isPending} data-testid="webhook-create">
            {t('webhooks.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
