import { ACTIVITY_STATES } from '@autobuy/contracts';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useAccountChoices } from '../api/account-choices';
import { KIND_OPTIONS } from '../lib/activity-filters';

const TYPING_DELAY_MS = 300;
type FilterName = 'q' | 'state' | 'kind' | 'accountId' | 'orderNumber' | 'from' | 'to';

/** The filter boxes; every value lives in the URL so a filtered list can be shared or reloaded. */
export function ActivitiesFilters(props: {
  search: URLSearchParams;
  onChange: (name: FilterName, value: string | null) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const accounts = useAccountChoices();
  const value = (name: FilterName) => props.search.get(name) ?? '';
  const [typed, setTyped] = useState<Partial<Record<FilterName, string>>>({});
  const applyLater = useDebouncedCallback(
    (name: FilterName, text: string) => props.onChange(name, text.trim() || null),
    TYPING_DELAY_MS,
  );

  const textBox = (name: 'q' | 'orderNumber', label: string, width: number) => (
    <TextInput
      type={name === 'q' ? 'search' : 'text'}
      label={label}
      placeholder={
        name === 'q' ? t('activities.searchPlaceholder') : t('activities.orderNumberPlaceholder')
      }
      w={width}
      value={typed[name] ?? value(name)}
      data-testid={name === 'q' ? 'activities-search' : 'activities-order-number'}
      onChange={(event) => {
        const text = event.currentTarget.value;
        setTyped((current) => ({ ...current, [name]: text }));
        applyLater(name, text);
      }}
    />
  );

  return (
    <Group mb="md" align="flex-end" gap="sm">
      {textBox('q', t('activities.search'), 280)}
      <Select
        label={t('activities.state')}
        placeholder={t('activities.anyState')}
        data={ACTIVITY_STATES.map((state) => ({
          value: state,
          label: t(`activityState.${state}`),
        }))}
        value={value('state') || null}
        clearable
        w={210}
        data-testid="activities-state-filter"
        onChange={(state) => props.onChange('state', state)}
      />
      <Select
        label={t('activities.kind')}
        placeholder={t('activities.anyKind')}
        data={KIND_OPTIONS.map((kind) => ({ value: kind, label: t(`activityKind.${kind}`) }))}
        value={value('kind') || null}
        clearable
        w={180}
        data-testid="activities-kind-filter"
        onChange={(kind) => props.onChange('kind', kind)}
      />
      <Select
        label={t('activities.account')}
        placeholder={t('activities.anyAccount')}
        data={(accounts.data ?? []).map((account) => ({
          value: account.id,
          label: `${account.login} (${account.provider})`,
        }))}
        // An account from the address that is not (or not yet) listed still filters.
        value={value('accountId') || null}
        searchable
        clearable
        nothingFoundMessage={t('activities.noAccount')}
        w={220}
        data-testid="activities-account"
        onChange={(accountId) => props.onChange('accountId', accountId)}
      />
      {textBox('orderNumber', t('activities.orderNumber'), 170)}
      {(['from', 'to'] as const).map((name) => (
        <TextInput
          key={name}
          type="date"
          label={t(`activities.${name}`)}
          value={value(name)}
          w={160}
          data-testid={`activities-${name}`}
          onChange={(event) => props.onChange(name, event.currentTarget.value || null)}
        />
      ))}
      <Button
        variant="subtle"
        data-testid="activities-clear"
        onClick={() => {
          setTyped({});
          props.onClear();
        }}
      >
        {t('activities.clear')}
      </Button>
    </Group>
  );
}
