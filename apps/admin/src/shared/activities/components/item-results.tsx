import type { ActivityItemStates } from '@autobuy/contracts';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  pending: 'gray',
  reserved: 'green',
  bound: 'green',
  unbound: 'blue',
  skipped: 'yellow',
  cancelled: 'gray',
  failed: 'red',
  refused: 'red',
};

/** One row per order item the activity touched, with its result and the reason. */
export function ItemResults(props: {
  itemStates: ActivityItemStates;
  /** Titles of the order's items by id, when the order is known. */
  titles?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const entries = Object.entries(props.itemStates);

  if (entries.length === 0) {
    return <Text c="dimmed">{t('activity.itemsEmpty')}</Text>;
  }

  return (
    <Table verticalSpacing={4} data-testid="item-results">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('activity.item')}</Table.Th>
          <Table.Th>{t('activity.result')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map(([itemId, result]) => (
          <Table.Tr
            key={itemId}
            data-testid="item-result"
            data-item-id={itemId}
            data-state={result.state}
          >
            <Table.Td>
              <Text size="sm">{props.titles?.[itemId] ?? itemId}</Text>
            </Table.Td>
            <Table.Td>
              <Badge color={COLORS[result.state] ?? 'gray'} variant="light">
                {t(`workflowItemState.${result.state}`, { defaultValue: result.state })}
              </Badge>
              {result.reason && (
                <Text size="xs" c="dimmed">
                  {result.reason}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
