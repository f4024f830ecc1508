import type { OrderDto } from '@autobuy/contracts';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../shared/lib/format';

export function OrderDetailsTab(props: { order: OrderDto }) {
  const { t, i18n } = useTranslation();
  const { order } = props;
  const rows: Array<[string, string]> = [
    [t('orders.number'), order.externalId],
    [t('orders.customer'), order.customerName],
    [t('orders.itemCount'), String(order.itemCount)],
    [t('orders.comment'), order.comment ?? '—'],
    [t('orders.createdAt'), formatDateTime(order.createdAt, i18n.language)],
    [t('orders.updatedAt'), formatDateTime(order.updatedAt, i18n.language)],
  ];

  return (
    <Table maw={640} withRowBorders={false}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={200}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
