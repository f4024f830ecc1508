import { PROVIDER_CODES, type ProviderCode } from '@autobuy/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useIsAdmin } from '../../../../shared/auth/current-operator';
import { EmptyBlock } from '../../../../shared/ui/empty-block';
import { ErrorAlert } from '../../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../../shared/ui/loading-block';
import { PageTitle } from '../../../../shared/ui/page-title';
import { useAccounts } from '../../api/get-accounts';
import { useProviders } from '../../api/get-providers';
import { ProviderPicker } from '../provider-picker';
import { AccountsTable } from './accounts-table';
import { AddAccountForm } from './add-account-form';

export function AccountsSettings() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const [provider, setProvider] = useState<ProviderCode>('sandbox');
  const providers = useProviders();
  const accounts = useAccounts(provider);
  const needsApiKey =
    providers.data?.find((candidate) => candidate.code === provider)?.loginKind === 'api-key';

  return (
    <>
      <PageTitle>{t('accounts.title')}</PageTitle>
      <ProviderPicker codes={PROVIDER_CODES} value={provider} onChange={setProvider} />
      {isAdmin && <AddAccountForm key={provider} provider={provider} needsApiKey={needsApiKey} />}
      {accounts.isPending && <LoadingBlock />}
      {accounts.isError && (
        <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} />
      )}
      {accounts.isSuccess && accounts.data.length === 0 && (
        <EmptyBlock title={t('accounts.empty')} description={t('accounts.emptyHint')} />
      )}
      {accounts.isSuccess && accounts.data.length > 0 && (
        <AccountsTable accounts={accounts.data} canEdit={isAdmin} />
      )}
    </>
  );
}
