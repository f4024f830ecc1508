import type { CreatedApiKeyDto } from '@autobuy/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AdminOnly } from '../../../../shared/ui/admin-only';
import { EmptyBlock } from '../../../../shared/ui/empty-block';
import { ErrorAlert } from '../../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../../shared/ui/loading-block';
import { PageTitle } from '../../../../shared/ui/page-title';
import { useApiKeys } from '../../api/get-api-keys';
import { ApiKeysTable } from './api-keys-table';
import { CreateApiKeyForm } from './create-api-key-form';
import { CreatedKeyModal } from './created-key-modal';

function ApiKeysContent() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const [created, setCreated] = useState<CreatedApiKeyDto | null>(null);

  return (
    <>
      <CreateApiKeyForm onCreated={setCreated} />
      <CreatedKeyModal created={created} onClose={() => setCreated(null)} />
      {keys.isPending && <LoadingBlock />}
      {keys.isError && <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />}
      {keys.isSuccess && keys.data.length === 0 && (
        <EmptyBlock title={t('apiKeys.empty')} description={t('apiKeys.emptyHint')} />
      )}
      {keys.isSuccess && keys.data.length > 0 && <ApiKeysTable keys={keys.data} />}
    </>
  );
}

export function ApiKeysSettings() {
  const { t } = useTranslation();

  return (
    <>
      <PageTitle>{t('apiKeys.title')}</PageTitle>
      <AdminOnly>
        <ApiKeysContent />
      </AdminOnly>
    </>
  );
}
