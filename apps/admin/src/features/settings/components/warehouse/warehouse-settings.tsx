import type { ProviderCode } from '@autobuy/contracts';
import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useIsAdmin } from '../../../../shared/auth/current-operator';
import { EmptyBlock } from '../../../../shared/ui/empty-block';
import { ErrorAlert } from '../../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../../shared/ui/loading-block';
import { PageTitle } from '../../../../shared/ui/page-title';
import { useProviders } from '../../api/get-providers';
import { useWarehouseProfile } from '../../api/get-warehouse-profile';
import { ProviderPicker } from '../provider-picker';
import { WarehouseForm } from './warehouse-form';

function ProfileOf(props: { provider: ProviderCode; canEdit: boolean }) {
  const profile = useWarehouseProfile(props.provider);

  if (profile.isPending) {
    return <LoadingBlock />;
  }
  if (profile.isError) {
    return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  }

  return (
    <WarehouseForm
      key={props.provider}
      provider={props.provider}
      initial={profile.data}
      canEdit={props.canEdit}
    />
  );
}

/** Only providers that ship to the warehouse (Taobao-style) have a profile; Kitmall has none. */
export function WarehouseSettings() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const providers = useProviders();
  const [chosen, setChosen] = useState<ProviderCode | null>(null);

  if (providers.isPending) {
    return <LoadingBlock />;
  }
  if (providers.isError) {
    return <ErrorAlert error={providers.error} onRetry={() => void providers.refetch()} />;
  }

  const codes = providers.data.filter((p) => p.needsWarehouse).map((p) => p.code);
  const provider = chosen && codes.includes(chosen) ? chosen : codes[0];

  return (
    <>
      <PageTitle>{t('warehouse.title')}</PageTitle>
      <Text c="dimmed" mb="md">
        {t('warehouse.intro')}
      </Text>
      {provider === undefined ? (
        <EmptyBlock title={t('warehouse.noProviders')} />
      ) : (
        <>
          <ProviderPicker codes={codes} value={provider} onChange={setChosen} />
          <ProfileOf provider={provider} canEdit={isAdmin} />
        </>
      )}
    </>
  );
}
