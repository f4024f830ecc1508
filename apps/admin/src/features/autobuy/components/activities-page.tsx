import { Badge, Button, Center, Group, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

import { queryKeys } from '../../../shared/api/query-keys';
import { useLiveTopic } from '../../../shared/live/live-context';
import { EmptyBlock } from '../../../shared/ui/empty-block';
import { ErrorAlert } from '../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../shared/ui/loading-block';
import { PageTitle } from '../../../shared/ui/page-title';
import { useActivityList } from '../api/activity-lists';
import { filtersFromSearch, showsWaitingBlock, withoutWaiting } from '../lib/activity-filters';
import { ActivitiesFilters } from './activities-filters';
import { ActivitiesTable } from './activities-table';

/** Plugins → Autobuy: every activity, those waiting for an operator first. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const waitingShown = showsWaitingBlock(filters);
  const waiting = useActivityList({ ...filters, state: 'waiting_for_operator' }, waitingShown);
  const list = useActivityList(filters);

  // Every activity's creation and state changes patch the lists (shared/live); the room does
  // not replay, so after a reconnect the lists are read again to catch up.
  useLiveTopic(
    { activities: true },
    {
      onResubscribed: () =>
        void queryClient.invalidateQueries({ queryKey: queryKeys.activityLists }),
    },
  );

  const waitingItems = waitingShown
    ? (waiting.data?.pages.flatMap((page) => page.items) ?? [])
    : [];
  const items = withoutWaiting(list.data?.pages.flatMap((page) => page.items) ?? [], waitingShown);
  const filtered = [...search.keys()].length > 0;

  return (
    <>
      <PageTitle>{t('activities.title')}</PageTitle>
      <ActivitiesFilters
        search={search}
        onChange={(name, value) =>
          setSearch((current) => {
            const next = new URLSearchParams(current);
            if (value) next.set(name, value);
            else next.delete(name);

            return next;
          })
        }
        onClear={() => setSearch({})}
      />
      {list.isPending ? (
        <LoadingBlock />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 && waitingItems.length === 0 ? (
        <EmptyBlock
          title={filtered ? t('activities.nothingFound') : t('activities.empty')}
          description={filtered ? t('activities.nothingFoundHint') : t('activities.emptyHint')}
          testId="activities-empty"
        />
      ) : (
        <Stack gap="lg">
          {waitingItems.length > 0 && (
            <section data-testid="waiting-section">
              <Group gap="xs" mb="xs">
                <Title order={4}>{t('activities.waiting')}</Title>
                <Badge color="orange">{waitingItems.length}</Badge>
              </Group>
              <ActivitiesTable activities={waitingItems} testId="waiting-table" />
            </section>
          )}
          {items.length > 0 && <ActivitiesTable activities={items} testId="activities-table" />}
          {list.hasNextPage && (
            <Center>
              <Button
                variant="default"
                loading={list.isFetchingNextPage}
                data-testid="activities-more"
                onClick={() => void list.fetchNextPage()}
              >
                {t('activities.more')}
              </Button>
            </Center>
          )}
        </Stack>
      )}
    </>
  );
}
