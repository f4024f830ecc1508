import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderWithProviders } from '../../test/render';
import { createI18n, LANGUAGE_STORAGE_KEY, storedLanguage } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/language-switch';

describe('language', () => {
  it('should start in Russian when nothing was chosen before', () => {
    expect(storedLanguage()).toBe('ru');
    expect(createI18n().language).toBe('ru');
  });

  it('should ignore a stored value that is not a supported language', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');

    expect(storedLanguage()).toBe('ru');
  });

  it('should switch the interface and remember the choice for the next visit', () => {
    const { i18n } = renderWithProviders(<LanguageSwitch />, { language: 'ru' });

    fireEvent.click(screen.getByLabelText('EN'));

    expect(i18n.language).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(createI18n().language).toBe('en');
  });
});
