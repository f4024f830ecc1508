import { ITEM_PURCHASE_STATES, type ItemPurchaseState } from '@autobuy/contracts';
import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const SEARCH_DELAY_MS = 300;

interface OrdersFiltersProps {
  q: string;
  state: ItemPurchaseState | null;
  onSearch: (q: string) => void;
  onStateChange: (state: ItemPurchaseState | null) => void;
}

export function OrdersFilters(props: OrdersFiltersProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.q);
  const [shownQ, setShownQ] = useState(props.q);
  // The URL can change under the box (Back, a shared link): show its search, unless it is
  // just the echo of what is being typed.
  if (props.q !== shownQ) {
    setShownQ(props.q);
    if (props.q !== text.trim()) {
      setText(props.q);
    }
  }
  // Typing should not fire one request per key; Enter searches at once.
  const searchLater = useDebouncedCallback(props.onSearch, SEARCH_DELAY_MS);

  const stateOptions = ITEM_PURCHASE_STATES.map((state) => ({
    value: state,
    label: t(`itemState.${state}`),
  }));

  return (
    <Group mb="md" align="flex-end">
      <TextInput
        type="search"
        label={t('orders.search')}
        placeholder={t('orders.searchPlaceholder')}
        value={text}
        w={360}
        data-testid="orders-search"
        onChange={(event) => {
          setText(event.currentTarget.value);
          searchLater(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            searchLater.cancel();
            props.onSearch(text);
          }
        }}
      />
      <Select
        label={t('orders.stateFilter')}
        placeholder={t('orders.anyState')}
        data={stateOptions}
        value={props.state}
        clearable
        w={240}
        data-testid="orders-state-filter"
        onChange={(value) => props.onStateChange(value as ItemPurchaseState | null)}
      />
    </Group>
  );
}
