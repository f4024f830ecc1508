import { ITEM_PURCHASE_STATES } from '@autobuy/contracts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { ItemStateBadge } from '../../features/orders/components/item-state-badge';
import { renderWithProviders } from '../../test/render';
import { createI18n } from '../i18n/i18n';

const expected = {
  ru: {
    available: 'Доступен к закупке',
    reserving: 'Бронируется',
    reserved: 'Забронирован',
    paid: 'Оплачен',
    shipped: 'Отправлен',
    finished: 'Завершён',
    closed: 'Закрыт',
    refused: 'Отказано',
  },
  en: {
    available: 'Available',
    reserving: 'Reserving',
    reserved: 'Reserved',
    paid: 'Paid',
    shipped: 'Shipped',
    finished: 'Finished',
    closed: 'Closed',
    refused: 'Refused',
  },
} as const;

describe('item state labels', () => {
  it.each(['ru', 'en'] as const)('should label every purchase state in %s', (language) => {
    const i18n = createI18n(language);

    for (const state of ITEM_PURCHASE_STATES) {
      expect(i18n.t(`itemState.${state}`)).toBe(expected[language][state]);
    }
  });

  it('should show the label and count on the badge in the current language', () => {
    renderWithProviders(<ItemStateBadge state="reserved" count={3} />, { language: 'ru' });

    expect(screen.getByText('Забронирован: 3')).toBeTruthy();
  });

  it('should follow a language switch without reloading', async () => {
    const { i18n } = renderWithProviders(<ItemStateBadge state="shipped" />, { language: 'ru' });
    expect(screen.getByText('Отправлен')).toBeTruthy();

    await i18n.changeLanguage('en');

    expect(await screen.findByText('Shipped')).toBeTruthy();
  });
});
