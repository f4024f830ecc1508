import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

import { en } from './en';
import { ru } from './ru';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'autobuy.language';
const DEFAULT_LANGUAGE: Language = 'ru';

export function storedLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);

    return LANGUAGES.find((language) => language === saved) ?? DEFAULT_LANGUAGE;
  } catch {
    // Storage can be blocked (privacy settings); the default language still works.
    return DEFAULT_LANGUAGE;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered across reloads when storage is blocked; the switch still applies now.
  }
  document.documentElement.lang = language;
}

export function createI18n(language: Language = storedLanguage()): I18n {
  const instance = i18next.createInstance();
  // Keys like `apiKeys.scope.orders:write` contain a colon, which is not a namespace here.
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = language;

  return instance;
}
