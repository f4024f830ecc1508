import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { LANGUAGES, rememberLanguage } from '../i18n/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();

  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      data-testid="language-switch"
      value={i18n.language}
      data={LANGUAGES.map((language) => ({ value: language, label: language.toUpperCase() }))}
      onChange={(value) => {
        const language = LANGUAGES.find((candidate) => candidate === value);
        if (language) {
          rememberLanguage(language);
          void i18n.changeLanguage(language);
        }
      }}
    />
  );
}
