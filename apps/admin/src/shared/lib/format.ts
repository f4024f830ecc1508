const LOCALES: Record<string, string> = { ru: 'ru-RU', en: 'en-GB' };

function localeOf(language: string): string {
  return LOCALES[language] ?? 'ru-RU';
}

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }

  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(date);
}

/** Prices travel as decimal strings; shown with the currency code, never rounded by floats. */
export function formatPrice(amount: string, currency: string): string {
  return `${amount} ${currency}`;
}
