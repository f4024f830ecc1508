import { ITEM_PURCHASE_STATES, type OrderSummaryDto } from '@autobuy/contracts';
import { Anchor, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';

import { formatDateTime } from '../../../shared/lib/format';
import { ItemStateBadge } from './item-state-badge';

export function OrdersTable(props: { orders: OrderSummaryDto[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();

  return (
    <Table striped highlightOnHover data-testid="orders-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('orders.number')}</Table.Th>
          <Table.Th>{t('orders.customer')}</Table.Th>
          <Table.Th>{t('orders.itemCount')}</Table.Th>
          <Table.Th>{t('orders.states')}</Table.Th>
          <Table.Th>{t('orders.createdAt')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.orders.map((order) => (
          // The whole row opens the order for the mouse; the link inside serves the keyboard.
          <Table.Tr
            key={order.id}
            data-testid="order-row"
            data-order-id={order.id}
            style={{ cursor: 'pointer' }}
            onClick={(event) => {
              // A click on the link itself is already a navigation.
              if (!(event.target as HTMLElement).closest('a')) {
                void navigate(`/orders/${order.id}`);
              }
            }}
          >
            <Table.Td>
              <Anchor component={Link} to={`/orders/${order.id}`} data-testid="order-link">
                {order.externalId}
              </Anchor>
            </Table.Td>
            <Table.Td>{order.customerName}</Table.Td>
            <Table.Td>{order.itemCount}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {ITEM_PURCHASE_STATES.filter((state) => (order.stateCounts[state] ?? 0) > 0).map(
                  (state) => (
                    <ItemStateBadge key={state} state={state} count={order.stateCounts[state]} />
                  ),
                )}
              </Group>
            </Table.Td>
            <Table.Td>{formatDateTime(order.createdAt, i18n.language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
