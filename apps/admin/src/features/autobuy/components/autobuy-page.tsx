import { useTranslation } from 'react-i18next';

import { EmptyBlock } from '../../../shared/ui/empty-block';
import { PageTitle } from '../../../shared/ui/page-title';

/**
 * The Autobuy plugin's page. It lists activities once the activities engine exists; until then
 * it says so plainly instead of showing an empty list that looks broken.
 */
export function AutobuyPage() {
  const { t } = useTranslation();

  return (
    <>
      <PageTitle>{t('autobuy.title')}</PageTitle>
      <EmptyBlock
        title={t('autobuy.noActivitiesYet')}
        description={t('autobuy.comesWithEngine')}
        testId="autobuy-empty"
      />
    </>
  );
}
