import type { OrderItemDto } from '@autobuy/contracts';
import { Anchor, Badge, Checkbox, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatPrice } from '../../../shared/lib/format';
import { ItemPicture } from './item-picture';
import { ItemStateBadge } from './item-state-badge';
import type { NotBuyableReason } from '../lib/selection';
import { selectAllState } from '../lib/selection';

function ItemTitle(props: { item: OrderItemDto }) {
  const { item } = props;
  if (!item.itemUrl) {
    return <Text size="sm">{item.title}</Text>;
  }

  return (
    <Anchor href={item.itemUrl} target="_blank" rel="noreferrer noopener" size="sm">
      {item.title}
    </Anchor>
  );
}

function ItemState(props: { item: OrderItemDto }) {
  const { t } = useTranslation();
  const { item } = props;

  return (
    <Stack gap={4} align="flex-start">
      <ItemStateBadge state={item.state} />
      {item.isTmall && (
        <Badge color="red" variant="outline" data-testid="tmall-mark">
          {t('items.tmallMark')}
        </Badge>
      )}
      {item.stateReason && (
        <Text size="xs" c="dimmed">
          {item.stateReason}
        </Text>
      )}
    </Stack>
  );
}

/** Ticking rows: which are ticked, why a row cannot be, and what a click changes. */
export interface ItemSelection {
  selected: ReadonlySet<string>;
  reasonOf: (item: OrderItemDto) => NotBuyableReason;
  onToggle: (itemId: string) => void;
  onToggleAll: () => void;
  /** The select-all box's testId and label differ per section. */
  allTestId: string;
  /** Whether a row that cannot be ticked says why (the reservation rules need explaining). */
  explain: boolean;
}

function NotBuyable(props: { reason: NotBuyableReason }) {
  const { t } = useTranslation();
  const { reason } = props;
  // The Tmall mark and a refusal's reason next to the state already say why.
  if (!reason || reason.kind === 'tmall' || (reason.kind === 'state' && reason.reason)) {
    return null;
  }
  const text =
    reason.kind === 'other-provider'
      ? t('workflow.otherProvider', { provider: t(`providers.names.${reason.provider}`) })
      : t('workflow.notAvailable');

  return (
    <Text size="xs" c="dimmed" data-testid="not-buyable-reason">
      {t('workflow.notBuyable', { reason: text })}
    </Text>
  );
}

function SelectAll(props: { selection: ItemSelection; items: OrderItemDto[] }) {
  const { t } = useTranslation();
  const { selection } = props;
  const selectable = props.items.filter((item) => !selection.reasonOf(item)).map((i) => i.id);
  const state = selectAllState(selection.selected, selectable);

  return (
    <Checkbox
      checked={state === 'all'}
      indeterminate={state === 'some'}
      disabled={selectable.length === 0}
      aria-label={t('workflow.selectAll')}
      data-testid={selection.allTestId}
      onChange={selection.onToggleAll}
    />
  );
}

/** The items of one section of the purchase tab; purchased ones also show their provider order. */
export function OrderItemsTable(props: {
  items: OrderItemDto[];
  purchased: boolean;
  testId: string;
  selection?: ItemSelection;
}) {
  const { t } = useTranslation();
  const { selection } = props;

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" data-testid={props.testId}>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={40}>
                <SelectAll selection={selection} items={props.items} />
              </Table.Th>
            )}
            <Table.Th>{t('items.picture')}</Table.Th>
            <Table.Th>{t('items.title')}</Table.Th>
            <Table.Th>{t('items.configuration')}</Table.Th>
            <Table.Th>{t('items.quantity')}</Table.Th>
            <Table.Th>{t('items.price')}</Table.Th>
            <Table.Th>{t('items.seller')}</Table.Th>
            <Table.Th>{t('items.state')}</Table.Th>
            {props.purchased && <Table.Th>{t('items.providerOrder')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((item) => {
            const reason = selection?.reasonOf(item) ?? null;
            const ticked = selection?.selected.has(item.id) ?? false;

            return (
              <Table.Tr
                key={item.id}
                data-testid="item-row"
                data-item-id={item.id}
                data-state={item.state}
                data-selected={selection ? ticked : undefined}
                data-provider-order={item.providerOrderNumber ?? undefined}
                bg={ticked ? 'var(--mantine-primary-color-light)' : undefined}
              >
                {selection && (
                  <Table.Td>
                    <Checkbox
                      checked={ticked}
                      disabled={reason !== null}
                      aria-label={t('workflow.selectItem', { title: item.title })}
                      data-testid="item-select"
                      onChange={() => selection.onToggle(item.id)}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <ItemPicture url={item.pictureUrl} title={item.title} />
                </Table.Td>
                <Table.Td maw={320}>
                  <ItemTitle item={item} />
                  <Text size="xs" c="dimmed">
                    {t(`providers.names.${item.provider}`)} · {item.providerItemId}
                  </Text>
                </Table.Td>
                <Table.Td>{item.configuration ?? '—'}</Table.Td>
                <Table.Td>{item.quantity}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatPrice(item.unitPrice, item.currency)}
                </Table.Td>
                <Table.Td>{item.sellerName}</Table.Td>
                <Table.Td>
                  <ItemState item={item} />
                  {selection?.explain && <NotBuyable reason={reason} />}
                </Table.Td>
                {props.purchased && (
                  <Table.Td>
                    <Text size="sm">{item.providerOrderNumber ?? '—'}</Text>
                    {item.accountLogin && (
                      <Text size="xs" c="dimmed">
                        {t('items.account')}: {item.accountLogin}
                      </Text>
                    )}
                    {item.trackingNumber && (
                      <Text size="xs" c="dimmed" data-testid="tracking-number">
                        {t('items.tracking')}: {item.trackingNumber}
                      </Text>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
