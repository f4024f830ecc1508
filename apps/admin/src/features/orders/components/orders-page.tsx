import { ITEM_PURCHASE_STATES, type ItemPurchaseState } from '@autobuy/contracts';
import { Button, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

import { EmptyBlock } from '../../../shared/ui/empty-block';
import { ErrorAlert } from '../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../shared/ui/loading-block';
import { PageTitle } from '../../../shared/ui/page-title';
import { useOrders } from '../api/get-orders';
import { OrdersFilters } from './orders-filters';
import { OrdersTable } from './orders-table';

function parseState(value: string | null): ItemPurchaseState | null {
  return ITEM_PURCHASE_STATES.find((state) => state === value) ?? null;
}

/** The filter lives in the URL so a search can be shared, reloaded and undone with Back. */
export function OrdersPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = { q: searchParams.get('q') ?? '', state: parseState(searchParams.get('state')) };
  const orders = useOrders(filter);

  const updateParam = (name: string, value: string | null) => {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) {
          next.set(name, value);
        } else {
          next.delete(name);
        }

        return next;
      },
      { replace: true },
    );
  };

  const rows = orders.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = filter.q.trim() !== '' || filter.state !== null;

  return (
    <>
      <PageTitle>{t('orders.title')}</PageTitle>
      <OrdersFilters
        q={filter.q}
        state={filter.state}
        onSearch={(q) => updateParam('q', q.trim() || null)}
        onStateChange={(state) => updateParam('state', state)}
      />
      {orders.isPending && <LoadingBlock />}
      {orders.isError && <ErrorAlert error={orders.error} onRetry={() => void orders.refetch()} />}
      {orders.isSuccess && rows.length === 0 && (
        <EmptyBlock
          title={filtered ? t('orders.nothingFound') : t('orders.empty')}
          description={filtered ? t('orders.nothingFoundHint') : t('orders.emptyHint')}
        />
      )}
      {rows.length > 0 && <OrdersTable orders={rows} />}
      {orders.hasNextPage && (
        <Center mt="md">
          <Button
            variant="light"
            loading={orders.isFetchingNextPage}
            onClick={() => void orders.fetchNextPage()}
            data-testid="orders-more"
          >
            {t('orders.more')}
          </Button>
        </Center>
      )}
    </>
  );
}
