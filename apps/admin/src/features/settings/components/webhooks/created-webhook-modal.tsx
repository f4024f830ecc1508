import type { CreatedWebhookDto } from '@autobuy/contracts';
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The signing secret exists only in the creating answer; once closed nobody can see it again. */
export function CreatedWebhookModal(props: {
  created: CreatedWebhookDto | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();

  return (
    <Modal
      opened={props.created !== null}
      onClose={props.onClose}
      title={t('webhooks.createdTitle')}
      size="lg"
      centered
    >
      {props.created && (
        <Stack>
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {props.created.url}
          </Text>
          <Alert color="yellow">{t('webhooks.secretShownOnce')}</Alert>
          <Code block data-testid="created-webhook-secret">
            {props.created.secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={props.created.secret}>
              {({ copied, copy }) => (
                <Button
                  color={copied ? 'teal' : 'blue'}
                  onClick={copy}
                  data-testid="copy-webhook-secret"
                >
                  {copied ? t('webhooks.copied') : t('webhooks.copySecret')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={props.onClose} data-testid="created-webhook-close">
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
