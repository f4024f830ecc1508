import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useIsAdmin } from '../../../../shared/auth/current-operator';
import { EmptyBlock } from '../../../../shared/ui/empty-block';
import { ErrorAlert } from '../../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../../shared/ui/loading-block';
import { PageTitle } from '../../../../shared/ui/page-title';
import { useProviders } from '../../api/get-providers';
import { ProviderRow } from './provider-row';

export function ProvidersSettings() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const providers = useProviders();

  return (
    <>
      <PageTitle>{t('providers.title')}</PageTitle>
      <Text c="dimmed" mb="md">
        {t('providers.toleranceHint')}
      </Text>
      {providers.isPending && <LoadingBlock />}
      {providers.isError && (
        <ErrorAlert error={providers.error} onRetry={() => void providers.refetch()} />
      )}
      {providers.isSuccess && providers.data.length === 0 && (
        <EmptyBlock title={t('providers.empty')} />
      )}
      {providers.isSuccess && providers.data.length > 0 && (
        <Table data-testid="providers-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('providers.name')}</Table.Th>
              <Table.Th>{t('providers.login')}</Table.Th>
              <Table.Th>{t('providers.needsWarehouse')}</Table.Th>
              <Table.Th>{t('providers.enabled')}</Table.Th>
              <Table.Th>{t('providers.tolerance')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {providers.data.map((provider) => (
              <ProviderRow
                key={`${provider.code}:${provider.priceTolerancePercent}`}
                provider={provider}
                canEdit={isAdmin}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
