import type { ProviderCode, ProviderSessionDto, StartedActivityDto } from '@autobuy/contracts';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useCanOperate } from '../../../shared/auth/can-operate';
import { formatDateTime } from '../../../shared/lib/format';
import { ConfirmButton } from '../../../shared/ui/confirm-button';
import { ErrorAlert } from '../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../shared/ui/loading-block';
import {
  useProviderAccounts,
  useProviderInfo,
  useRevokeSession,
  useSessions,
  useStartSession,
  useSyncSession,
} from '../api/sessions';
import { loginPopupPath, openLoginWindow } from '../lib/login-popup';

const STATE_COLORS = { active: 'green', expired: 'orange', revoked: 'gray' } as const;

type PopupNotice = 'blocked' | 'opened' | null;

function isStartedActivity(answer: unknown): answer is StartedActivityDto {
  return typeof answer === 'object' && answer !== null && 'activityId' in answer;
}

/** "+" for API-key providers: choose the account whose key is checked. */
function ApiKeySessionForm(props: { provider: ProviderCode }) {
  const { t } = useTranslation();
  const accounts = useProviderAccounts(props.provider);
  const start = useStartSession();
  const [accountId, setAccountId] = useState<string | null>(null);

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <Select
          label={t('providerSessions.addApiKey')}
          data={(accounts.data ?? []).map((account) => ({
            value: account.id,
            label: account.login,
          }))}
          value={accountId}
          onChange={setAccountId}
          w={240}
          data-testid="session-account"
        />
        <Button
          disabled={!accountId}
          loading={start.isPending}
          data-testid="session-add-api-key"
          onClick={() => accountId && start.mutate({ provider: props.provider, accountId })}
        >
          {t('providerSessions.add')}
        </Button>
      </Group>
      {start.isError && <ErrorAlert error={start.error} />}
    </Stack>
  );
}

function SessionRow(props: {
  session: ProviderSessionDto;
  chosen: boolean;
  onChoose: () => void;
  onActivity: (activityId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { session } = props;
  const canOperate = useCanOperate();
  const sync = useSyncSession();
  const revoke = useRevokeSession(session.provider);
  const active = session.state === 'active';

  return (
    <Table.Tr
      data-testid="session-row"
      data-session-id={session.id}
      data-state={session.state}
      data-chosen={props.chosen}
      bg={props.chosen ? 'var(--mantine-primary-color-light)' : undefined}
      style={{ cursor: active ? 'pointer' : undefined }}
      onClick={() => active && props.onChoose()}
    >
      <Table.Td>
        <Radio
          checked={props.chosen}
          disabled={!active}
          onChange={props.onChoose}
          aria-label={t('providerSessions.choose', { nickname: session.nickname })}
          data-testid="session-choose"
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} data-testid="session-nickname">
          {session.nickname}
        </Text>
        {session.accountLogin !== session.nickname && (
          <Text size="xs" c="dimmed">
            {session.accountLogin}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={STATE_COLORS[session.state]} variant="light" data-testid="session-state">
          {t(`providerSessions.states.${session.state}`)}
        </Badge>
        {session.stateReason && (
          <Text size="xs" c="dimmed">
            {session.stateReason}
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid="session-last-sync">
        {session.lastSyncAt
          ? formatDateTime(session.lastSyncAt, i18n.language)
          : t('providerSessions.never')}
      </Table.Td>
      <Table.Td onClick={(event) => event.stopPropagation()}>
        {canOperate && (
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              variant="light"
              disabled={!active}
              loading={sync.isPending}
              aria-label={t('providerSessions.syncFor', { nickname: session.nickname })}
              data-testid="session-sync"
              onClick={() =>
                sync.mutate(session.id, {
                  onSuccess: (answer) => props.onActivity(answer.activityId),
                })
              }
            >
              {t('providerSessions.sync')}
            </Button>
            {session.state !== 'revoked' && (
              <ConfirmButton
                label={t('providerSessions.revoke')}
                question={t('providerSessions.revokeQuestion', { nickname: session.nickname })}
                confirmLabel={t('providerSessions.revoke')}
                variant="subtle"
                data-testid="session-revoke"
                onConfirm={() => revoke.mutate(session.id)}
              />
            )}
          </Group>
        )}
        {sync.isError && <ErrorAlert error={sync.error} />}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The sessions of one provider: which one reserves, "+" to log in another account (a popup for
 * browser providers, the API key for the others), synchronization per account.
 */
export function SessionPanel(props: {
  provider: ProviderCode;
  chosenSessionId: string | null;
  onChoose: (sessionId: string) => void;
  onActivity: (activityId: string) => void;
}) {
  const { t } = useTranslation();
  const canOperate = useCanOperate();
  const sessions = useSessions(props.provider);
  const info = useProviderInfo(props.provider);
  const start = useStartSession();
  const [notice, setNotice] = useState<PopupNotice>(null);
  const [addingByKey, setAddingByKey] = useState(false);
  const providerName = t(`providers.names.${props.provider}`);
  const usesApiKey = info?.loginKind === 'api-key';

  const addSession = () => {
    if (usesApiKey) {
      setAddingByKey((shown) => !shown);

      return;
    }
    const popup = openLoginWindow();
    if (!popup) {
      setNotice('blocked');

      return;
    }
    setNotice('opened');
    start.mutate(
      { provider: props.provider },
      {
        onSuccess: (answer) => {
          if (isStartedActivity(answer)) {
            popup.location.href = loginPopupPath(answer.activityId);
          } else {
            popup.close();
          }
        },
        onError: () => {
          popup.close();
          setNotice(null);
        },
      },
    );
  };

  return (
    <Stack gap="xs" data-testid="session-panel" data-provider={props.provider}>
      <Group justify="space-between">
        <Title order={5}>{t('providerSessions.title', { provider: providerName })}</Title>
        {canOperate && (
          <Tooltip label={t('providerSessions.add')}>
            <ActionIcon
              variant="filled"
              aria-label={t('providerSessions.add')}
              loading={start.isPending}
              data-testid="session-add"
              onClick={addSession}
            >
              +
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {notice === 'blocked' && (
        <Alert
          color="red"
          data-testid="popup-blocked"
          withCloseButton
          onClose={() => setNotice(null)}
        >
          {t('providerSessions.popupBlocked')}
        </Alert>
      )}
      {notice === 'opened' && (
        <Text size="sm" c="dimmed" data-testid="popup-opened">
          {t('providerSessions.popupOpened')}
        </Text>
      )}
      {start.isError && <ErrorAlert error={start.error} />}
      {addingByKey && usesApiKey && <ApiKeySessionForm provider={props.provider} />}
      {sessions.isPending ? (
        <LoadingBlock />
      ) : sessions.isError ? (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="sessions-empty">
          {t('providerSessions.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="sessions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th>{t('providerSessions.nickname')}</Table.Th>
              <Table.Th>{t('providerSessions.state')}</Table.Th>
              <Table.Th>{t('providerSessions.lastSync')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data.map((session) => (
              <SessionRow
                key={session.id}
                session={session}
                chosen={session.id === props.chosenSessionId}
                onChoose={() => props.onChoose(session.id)}
                onActivity={props.onActivity}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
