import type { CreatedApiKeyDto } from '@autobuy/contracts';
import { Alert, Button, Code, CopyButton, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The raw key exists only in this answer; once the dialog closes nobody can see it again. */
export function CreatedKeyModal(props: { created: CreatedApiKeyDto | null; onClose: () => void }) {
  const { t } = useTranslation();

  return (
    <Modal
      opened={props.created !== null}
      onClose={props.onClose}
      title={t('apiKeys.createdTitle', { name: props.created?.name ?? '' })}
      size="lg"
      centered
    >
      {props.created && (
        <Stack>
          <Alert color="yellow">{t('apiKeys.shownOnce')}</Alert>
          <Code block data-testid="created-api-key">
            {props.created.key}
          </Code>
          <Group justify="space-between">
            <CopyButton value={props.created.key}>
              {({ copied, copy }) => (
                <Button color={copied ? 'teal' : 'blue'} onClick={copy} data-testid="copy-api-key">
                  {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={props.onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
