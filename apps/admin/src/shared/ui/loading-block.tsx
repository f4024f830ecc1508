import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LoadingBlock() {
  const { t } = useTranslation();

  return (
    <Center py="xl" role="status" aria-label={t('common.loading')}>
      <Loader size="md" />
    </Center>
  );
}
