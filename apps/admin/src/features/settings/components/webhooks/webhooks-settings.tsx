import type { CreatedWebhookDto, WebhookDto } from '@autobuy/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AdminOnly } from '../../../../shared/ui/admin-only';
import { EmptyBlock } from '../../../../shared/ui/empty-block';
import { ErrorAlert } from '../../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../../shared/ui/loading-block';
import { PageTitle } from '../../../../shared/ui/page-title';
import { useWebhooks } from '../../api/get-webhooks';
import { CreateWebhookForm } from './create-webhook-form';
import { CreatedWebhookModal } from './created-webhook-modal';
import { DeliveryLogModal } from './delivery-log';
import { WebhooksTable } from './webhooks-table';

function WebhooksContent() {
  const { t } = useTranslation();
  const webhooks = useWebhooks();
  const [created, setCreated] = useState<CreatedWebhookDto | null>(null);
  const [shown, setShown] = useState<WebhookDto | null>(null);

  return (
    <>
      <CreateWebhookForm onCreated={setCreated} />
      <CreatedWebhookModal created={created} onClose={() => setCreated(null)} />
      <DeliveryLogModal webhook={shown} onClose={() => setShown(null)} />
      {webhooks.isPending && <LoadingBlock />}
      {webhooks.isError && (
        <ErrorAlert error={webhooks.error} onRetry={() => void webhooks.refetch()} />
      )}
      {webhooks.isSuccess && webhooks.data.length === 0 && (
        <EmptyBlock
          title={t('webhooks.empty')}
          description={t('webhooks.emptyHint')}
          testId="webhooks-empty"
        />
      )}
      {webhooks.isSuccess && webhooks.data.length > 0 && (
        <WebhooksTable webhooks={webhooks.data} onShowDeliveries={setShown} />
      )}
    </>
  );
}

/** Settings → Webhooks: the receivers of item state changes and what was sent to each. */
export function WebhooksSettings() {
  const { t } = useTranslation();

  return (
    <>
      <PageTitle>{t('webhooks.title')}</PageTitle>
      <AdminOnly>
        <WebhooksContent />
      </AdminOnly>
    </>
  );
}
