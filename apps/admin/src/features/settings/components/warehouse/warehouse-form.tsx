import type { ProviderCode, WarehouseProfileDto } from '@autobuy/contracts';
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../../../../shared/api/api-error';
import { useErrorText } from '../../../../shared/ui/error-alert';
import { notifySuccess } from '../../../../shared/ui/notify';
import { useSaveWarehouseProfile } from '../../api/save-warehouse-profile';
import {
  trimProfile,
  validateWarehouseProfile,
  WAREHOUSE_FIELDS,
  type WarehouseField,
} from '../../lib/warehouse-rules';

const EMPTY_PROFILE: WarehouseProfileDto = {
  recipientName: '',
  mobilePhone: '',
  regionCode: '',
  zipCode: '',
  address: '',
};

type FieldMessages = Partial<Record<WarehouseField, string>>;

export function WarehouseForm(props: {
  provider: ProviderCode;
  initial: WarehouseProfileDto | null;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const save = useSaveWarehouseProfile(props.provider);
  const [profile, setProfile] = useState<WarehouseProfileDto>(props.initial ?? EMPTY_PROFILE);
  const [clientMessages, setClientMessages] = useState<FieldMessages>({});
  const [serverMessages, setServerMessages] = useState<FieldMessages>({});
  const [otherError, setOtherError] = useState<unknown>(null);

  const setField = (field: WarehouseField, value: string) => {
    setProfile((current) => ({ ...current, [field]: value }));
    // An edited field's old complaint no longer applies; the next submit re-checks everything.
    setClientMessages((current) => ({ ...current, [field]: undefined }));
    setServerMessages((current) => ({ ...current, [field]: undefined }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setOtherError(null);
    setServerMessages({});

    const problems = validateWarehouseProfile(profile);
    const messages: FieldMessages = {};
    for (const [field, rule] of Object.entries(problems)) {
      messages[field as WarehouseField] = t(`warehouse.rules.${rule}`);
    }
    setClientMessages(messages);
    if (Object.keys(messages).length > 0) {
      return;
    }

    save.mutate(trimProfile(profile), {
      onSuccess: (saved) => {
        setProfile(saved);
        notifySuccess(t('warehouse.saved'));
      },
      onError: (error) => {
        const fromServer = isApiError(error) ? error.fieldErrors() : {};
        const known: FieldMessages = {};
        for (const field of WAREHOUSE_FIELDS) {
          if (fromServer[field]) {
            known[field] = fromServer[field].join(' ');
          }
        }
        setServerMessages(known);
        if (Object.keys(known).length === 0) {
          setOtherError(error);
        }
      },
    });
  };

  const messageFor = (field: WarehouseField) => clientMessages[field] ?? serverMessages[field];
  const input = (field: WarehouseField, extra: { placeholder?: string; inputMode?: 'numeric' }) => (
    <TextInput
      key={field}
      label={t(`warehouse.fields.${field}`)}
      description={t(`warehouse.hints.${field}`)}
      value={profile[field]}
      readOnly={!props.canEdit}
      onChange={(event) => setField(field, event.currentTarget.value)}
      error={messageFor(field)}
      data-testid={`warehouse-${field}`}
      {...extra}
    />
  );

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t('warehouse.title')}
      data-testid="warehouse-form"
    >
      <Stack maw={520}>
        {otherError !== null && (
          <Alert color="red" role="alert">
            {errorText(otherError)}
          </Alert>
        )}
        {input('recipientName', { placeholder: '王鑫磊奇跡' })}
        {input('mobilePhone', { placeholder: '11147043234', inputMode: 'numeric' })}
        {input('regionCode', { placeholder: '150784', inputMode: 'numeric' })}
        {input('zipCode', { placeholder: '021400', inputMode: 'numeric' })}
        {input('address', { placeholder: '尚都国际小区东区9号楼23号车库' })}
        {props.canEdit && (
          <Button type="submit" loading={save.isPending} data-testid="warehouse-save">
            {t('common.save')}
          </Button>
        )}
      </Stack>
    </form>
  );
}
