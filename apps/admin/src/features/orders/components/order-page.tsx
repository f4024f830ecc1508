import { Anchor, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';

import { isApiError } from '../../../shared/api/api-error';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { EmptyBlock } from '../../../shared/ui/empty-block';
import { ErrorAlert } from '../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../shared/ui/loading-block';
import { useOrder } from '../api/get-order';
import { OrderDetailsTab } from './order-details-tab';
import { PurchaseTab } from './purchase-tab';

const TABS = ['purchase', 'details'] as const;
type OrderTab = (typeof TABS)[number];

export function OrderPage() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const order = useOrder(orderId);
  useDocumentTitle(
    order.data ? t('orders.orderTitle', { number: order.data.externalId }) : t('orders.title'),
  );
  const tab: OrderTab = TABS.find((name) => name === searchParams.get('tab')) ?? 'purchase';

  const backLink = (
    <Anchor component={Link} to="/orders" size="sm" data-testid="back-to-orders">
      ← {t('orders.backToList')}
    </Anchor>
  );

  if (order.isPending) {
    return <LoadingBlock />;
  }
  if (order.isError) {
    return (
      <>
        {backLink}
        {isApiError(order.error) && order.error.status === 404 ? (
          <EmptyBlock title={t('orders.notFound')} testId="order-not-found" />
        ) : (
          <ErrorAlert error={order.error} onRetry={() => void order.refetch()} />
        )}
      </>
    );
  }

  return (
    <>
      {backLink}
      <Title order={2} mt="xs" data-testid="order-title">
        {t('orders.orderTitle', { number: order.data.externalId })}
      </Title>
      <Text c="dimmed" mb="md">
        {order.data.customerName}
      </Text>
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(value) => setSearchParams(value === 'purchase' ? {} : { tab: value ?? '' })}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="purchase" data-testid="tab-purchase">
            {t('orders.tabs.purchase')}
          </Tabs.Tab>
          <Tabs.Tab value="details" data-testid="tab-details">
            {t('orders.tabs.details')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="purchase">
          <PurchaseTab orderId={order.data.id} items={order.data.items} />
        </Tabs.Panel>
        <Tabs.Panel value="details">
          <OrderDetailsTab order={order.data} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
