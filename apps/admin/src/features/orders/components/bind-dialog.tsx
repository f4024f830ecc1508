import type { ProviderAccountDto } from '@autobuy/contracts';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../shared/ui/error-alert';

/** Asks for the provider order number (and its account) to bind this order's items to it. */
export function BindDialog(props: {
  accounts: ProviderAccountDto[];
  defaultAccountId: string | null;
  pending: boolean;
  error: unknown;
  onSubmit: (request: { accountId: string; providerOrderNumber: string }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [accountId, setAccountId] = useState<string | null>(props.defaultAccountId);
  const [tried, setTried] = useState(false);
  const numberError = tried && number.trim() === '' ? t('workflow.bindNumberRequired') : null;
  const accountError = tried && !accountId ? t('workflow.accountRequired') : null;

  return (
    <Modal opened onClose={props.onClose} title={t('workflow.bindTitle')} centered>
      <form
        data-testid="bind-form"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (accountId && number.trim() !== '') {
            props.onSubmit({ accountId, providerOrderNumber: number.trim() });
          }
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('workflow.bindNumber')}
            value={number}
            error={numberError}
            data-autofocus
            data-testid="bind-number"
            onChange={(event) => setNumber(event.currentTarget.value)}
          />
          <Select
            label={t('workflow.account')}
            data={props.accounts.map((account) => ({ value: account.id, label: account.login }))}
            value={accountId}
            error={accountError}
            data-testid="bind-account"
            onChange={setAccountId}
          />
          {props.error !== null && <ErrorAlert error={props.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.pending} data-testid="bind-submit">
              {t('workflow.bindSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
