import type { OrderItemDto, ProviderCode } from '@autobuy/contracts';
import { Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ProgressModal } from '../../../shared/activities/components/progress-modal';
import { queryKeys } from '../../../shared/api/query-keys';
import { useCanOperate } from '../../../shared/auth/can-operate';
import { useLiveTopic } from '../../../shared/live/live-context';
import { ConfirmButton } from '../../../shared/ui/confirm-button';
import { ErrorAlert } from '../../../shared/ui/error-alert';
import { useBind, useReserve, useUnbind } from '../api/purchase-operations';
import { useProviderAccounts, useSessions } from '../api/sessions';
import {
  keepSelectable,
  notBuyableReason,
  providersOf,
  toggle,
  toggleAll,
  unbindAccount,
} from '../lib/selection';
import { splitItems } from '../lib/split-items';
import { AutoPurchaseForm } from './auto-purchase-form';
import { BindDialog } from './bind-dialog';
import { OrderItemsTable } from './order-items-table';

// Purchased items can be unbound while the provider order is not yet paid or closed.
const UNBINDABLE = (item: OrderItemDto) =>
  item.state === 'reserved' || item.state === 'reserving'
    ? null
    : ({ kind: 'state', reason: null } as const);

export function PurchaseTab(props: { orderId: string; items: OrderItemDto[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canOperate = useCanOperate();
  const { toPurchase, purchased } = splitItems(props.items);
  const providers = providersOf(props.items);
  const [pickedProvider, setPickedProvider] = useState<ProviderCode | null>(null);
  const provider = pickedProvider ?? providers[0] ?? null;
  const sessions = useSessions(provider);
  const accounts = useProviderAccounts(provider);
  const [chosenSessionId, setChosenSessionId] = useState<string | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [tickedPurchased, setTickedPurchased] = useState<Set<string>>(new Set());
  const [pickedAccount, setPickedAccount] = useState<string | null>(null);
  const [activityId, setActivityId] = useState<string | null>(null);
  const [binding, setBinding] = useState(false);
  const reserve = useReserve();
  const unbind = useUnbind();
  const bind = useBind();

  // Item states change as activities run; without a replay for rooms, refetch after reconnects.
  useLiveTopic(props.orderId ? { orderId: props.orderId } : null, {
    onResubscribed: () =>
      void queryClient.invalidateQueries({ queryKey: queryKeys.order(props.orderId) }),
  });

  const activeSessions = (sessions.data ?? []).filter((session) => session.state === 'active');
  // The only active session is chosen without a click; otherwise the operator chooses.
  const sessionId = chosenSessionId ?? (activeSessions.length === 1 ? activeSessions[0].id : null);
  const session = sessions.data?.find((known) => known.id === sessionId) ?? null;

  const reasonOf = (item: OrderItemDto) => notBuyableReason(item, provider);
  const selectable = toPurchase.filter((item) => !reasonOf(item)).map((item) => item.id);
  const selected = keepSelectable(ticked, selectable);
  const unbindable = purchased.filter((item) => !UNBINDABLE(item)).map((item) => item.id);
  const selectedPurchased = keepSelectable(tickedPurchased, unbindable);
  const purchasedItems = purchased.filter((item) => selectedPurchased.has(item.id));
  const accountId = pickedAccount ?? unbindAccount(purchasedItems);
  const titles = Object.fromEntries(props.items.map((item) => [item.id, item.title]));

  const started = (answer: { activityId: string }) => {
    setActivityId(answer.activityId);
    setTicked(new Set());
    setTickedPurchased(new Set());
  };

  return (
    <Stack gap="lg">
      <AutoPurchaseForm
        providers={providers}
        provider={provider}
        onProviderChange={(code) => {
          setPickedProvider(code);
          setChosenSessionId(null);
        }}
        session={session}
        chosenSessionId={sessionId}
        onChooseSession={setChosenSessionId}
        selectedCount={selected.size}
        reserving={reserve.isPending}
        reserveError={reserve.error}
        onReserve={() =>
          sessionId &&
          reserve.mutate(
            { orderId: props.orderId, itemIds: [...selected], sessionId },
            { onSuccess: started },
          )
        }
        onActivity={setActivityId}
      />
      <section aria-labelledby="to-purchase-heading" data-testid="to-purchase-section">
        <Title order={4} id="to-purchase-heading" mb="xs">
          {t('purchase.toPurchase')} ({toPurchase.length})
        </Title>
        {toPurchase.length === 0 ? (
          <Text c="dimmed">{t('purchase.nothingToPurchase')}</Text>
        ) : (
          <OrderItemsTable
            items={toPurchase}
            purchased={false}
            testId="to-purchase-items"
            selection={
              canOperate
                ? {
                    selected,
                    reasonOf,
                    onToggle: (id) => setTicked(toggle(selected, id)),
                    onToggleAll: () => setTicked(toggleAll(selected, selectable)),
                    allTestId: 'select-all',
                    explain: true,
                  }
                : undefined
            }
          />
        )}
      </section>
      <section aria-labelledby="purchased-heading" data-testid="purchased-section">
        <Title order={4} id="purchased-heading" mb="xs">
          {t('purchase.purchased')} ({purchased.length})
        </Title>
        {canOperate && (
          <Group mb="sm" align="flex-end" gap="sm">
            <Select
              label={t('workflow.account')}
              data={(accounts.data ?? []).map((account) => ({
                value: account.id,
                label: account.login,
              }))}
              value={accountId}
              w={220}
              data-testid="purchased-account"
              onChange={setPickedAccount}
            />
            <ConfirmButton
              label={t('workflow.unbind')}
              question={t('workflow.unbindQuestion', { count: selectedPurchased.size })}
              confirmLabel={t('workflow.unbind')}
              size="sm"
              disabled={selectedPurchased.size === 0 || !accountId}
              loading={unbind.isPending}
              data-testid="unbind"
              onConfirm={() =>
                accountId &&
                unbind.mutate(
                  { orderId: props.orderId, itemIds: [...selectedPurchased], accountId },
                  { onSuccess: started },
                )
              }
            />
            <Button variant="light" data-testid="bind-open" onClick={() => setBinding(true)}>
              {t('workflow.bind')}
            </Button>
          </Group>
        )}
        {unbind.isError && <ErrorAlert error={unbind.error} />}
        {purchased.length === 0 ? (
          <Text c="dimmed">{t('purchase.nothingPurchased')}</Text>
        ) : (
          <OrderItemsTable
            items={purchased}
            purchased
            testId="purchased-items"
            selection={
              canOperate
                ? {
                    selected: selectedPurchased,
                    reasonOf: UNBINDABLE,
                    onToggle: (id) => setTickedPurchased(toggle(selectedPurchased, id)),
                    onToggleAll: () => setTickedPurchased(toggleAll(selectedPurchased, unbindable)),
                    allTestId: 'select-all-purchased',
                    explain: false,
                  }
                : undefined
            }
          />
        )}
      </section>
      {binding && (
        <BindDialog
          accounts={accounts.data ?? []}
          defaultAccountId={accountId ?? session?.accountId ?? null}
          pending={bind.isPending}
          error={bind.error}
          onClose={() => setBinding(false)}
          onSubmit={(request) =>
            bind.mutate(
              { orderId: props.orderId, ...request },
              {
                onSuccess: (answer) => {
                  setBinding(false);
                  started(answer);
                },
              },
            )
          }
        />
      )}
      {activityId && (
        <ProgressModal
          activityId={activityId}
          titles={titles}
          onClose={() => setActivityId(null)}
        />
      )}
    </Stack>
  );
}
