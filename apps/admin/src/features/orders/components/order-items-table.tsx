import type { OrderItemDto } from '@autobuy/contracts';
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatPrice } from '../../../shared/lib/format';
import { ItemPicture } from './item-picture';
import { ItemStateBadge } from './item-state-badge';

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

/** The items of one section of the purchase tab; purchased ones also show their provider order. */
export function OrderItemsTable(props: {
  items: OrderItemDto[];
  purchased: boolean;
  testId: string;
}) {
  const { t } = useTranslation();

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" data-testid={props.testId}>
        <Table.Thead>
          <Table.Tr>
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
          {props.items.map((item) => (
            <Table.Tr
              key={item.id}
              data-testid="item-row"
              data-item-id={item.id}
              data-state={item.state}
            >
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
                    <Text size="xs" c="dimmed">
                      {t('items.tracking')}: {item.trackingNumber}
                    </Text>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
