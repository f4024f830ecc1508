import type { ItemPurchaseState } from '@autobuy/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function stateColor(state: ItemPurchaseState): string {
  switch (state) {
    case 'available':
      return 'blue';
    case 'reserving':
      return 'yellow';
    case 'reserved':
      return 'orange';
    case 'paid':
      return 'teal';
    case 'shipped':
      return 'cyan';
    case 'finished':
      return 'green';
    case 'closed':
      return 'gray';
    case 'refused':
      return 'red';
  }
}

export function ItemStateBadge(props: { state: ItemPurchaseState; count?: number }) {
  const { t } = useTranslation();
  const label = t(`itemState.${props.state}`);

  return (
    <Badge color={stateColor(props.state)} variant="light" data-state={props.state}>
      {props.count === undefined ? label : `${label}: ${props.count}`}
    </Badge>
  );
}
