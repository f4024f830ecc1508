import type { OrderItemDto } from '@autobuy/contracts';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { splitItems } from '../lib/split-items';
import { OrderItemsTable } from './order-items-table';

export function PurchaseTab(props: { items: OrderItemDto[] }) {
  const { t } = useTranslation();
  const { toPurchase, purchased } = splitItems(props.items);

  return (
    <Stack gap="lg">
      <section aria-labelledby="to-purchase-heading" data-testid="to-purchase-section">
        <Title order={4} id="to-purchase-heading" mb="xs">
          {t('purchase.toPurchase')} ({toPurchase.length})
        </Title>
        {toPurchase.length === 0 ? (
          <Text c="dimmed">{t('purchase.nothingToPurchase')}</Text>
        ) : (
          <OrderItemsTable items={toPurchase} purchased={false} testId="to-purchase-items" />
        )}
      </section>
      <section aria-labelledby="purchased-heading" data-testid="purchased-section">
        <Title order={4} id="purchased-heading" mb="xs">
          {t('purchase.purchased')} ({purchased.length})
        </Title>
        {purchased.length === 0 ? (
          <Text c="dimmed">{t('purchase.nothingPurchased')}</Text>
        ) : (
          <OrderItemsTable items={purchased} purchased testId="purchased-items" />
        )}
      </section>
    </Stack>
  );
}
