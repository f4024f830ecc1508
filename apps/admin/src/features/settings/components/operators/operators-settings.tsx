import { useTranslation } from 'react-i18next';

import { AdminOnly } from '../../../../shared/ui/admin-only';
import { EmptyBlock } from '../../../../shared/ui/empty-block';
import { ErrorAlert } from '../../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../../shared/ui/loading-block';
import { PageTitle } from '../../../../shared/ui/page-title';
import { useOperators } from '../../api/get-operators';
import { AddOperatorForm } from './add-operator-form';
import { LoginSessionsTable } from './login-sessions-table';
import { OperatorsTable } from './operators-table';

function OperatorsContent(props: { currentSessionId: string | null }) {
  const { t } = useTranslation();
  const operators = useOperators();

  return (
    <>
      <AddOperatorForm />
      {operators.isPending && <LoadingBlock />}
      {operators.isError && (
        <ErrorAlert error={operators.error} onRetry={() => void operators.refetch()} />
      )}
      {operators.isSuccess && operators.data.length === 0 && (
        <EmptyBlock title={t('operators.empty')} />
      )}
      {operators.isSuccess && operators.data.length > 0 && (
        <OperatorsTable operators={operators.data} />
      )}
      <LoginSessionsTable currentSessionId={props.currentSessionId} />
    </>
  );
}

export function OperatorsSettings(props: { currentSessionId: string | null }) {
  const { t } = useTranslation();

  return (
    <>
      <PageTitle>{t('operators.title')}</PageTitle>
      <AdminOnly>
        <OperatorsContent currentSessionId={props.currentSessionId} />
      </AdminOnly>
    </>
  );
}
