import type { enSettingsLog } from './en-settings-log';
import type { Texts } from './texts';

/** Russian texts of the webhooks and audit log settings pages. */
export const ruSettingsLog: Texts<typeof enSettingsLog> = {
  webhooks: {
    title: 'Вебхуки',
    createTitle: 'Добавить вебхук',
    url: 'URL получателя',
    urlHint: 'Autobuy отправляет сюда POST с подписанным JSON о каждом выбранном событии.',
    events: 'События',
    event: {
      item_state_changed: 'Изменилось состояние товара',
    },
    rule: {
      urlRequired: 'Укажите URL получателя.',
      urlFormat: 'Укажите полный URL, начинающийся с http:// или https://.',
      urlTooLong: 'URL должен быть не длиннее 2000 символов.',
      eventsRequired: 'Выберите хотя бы одно событие.',
    },
    create: 'Добавить вебхук',
    createdTitle: 'Вебхук добавлен',
    secretShownOnce:
      'Это секрет подписи. Скопируйте его сейчас: он показывается один раз и больше недоступен.',
    copySecret: 'Скопировать секрет',
    copied: 'Скопировано',
    enabled: 'Включён',
    deliveries: 'Журнал доставок',
    deliveriesOf: 'Доставки на {{url}}',
    deleteQuestion: 'Удалить вебхук {{url}}? Его журнал доставок удалится вместе с ним.',
    deleted: 'Вебхук удалён.',
    empty: 'Вебхуков нет',
    emptyHint: 'Добавьте вебхук, чтобы магазин узнавал об изменении состояния товаров.',
    refresh: 'Обновить',
    noDeliveries: 'Пока ничего не отправлено',
    noDeliveriesHint:
      'Доставка появится здесь после следующего события, на которое подписан вебхук.',
    queuedAt: 'В очереди с',
    eventColumn: 'Событие',
    statusColumn: 'Статус',
    status: {
      pending: 'Ожидает',
      delivered: 'Доставлено',
      failed: 'Не доставлено',
    },
    attempts: 'Попытки',
    responseCode: 'Код ответа',
    nextRetry: 'Следующая попытка',
    deliveredAt: 'Доставлено {{date}}',
    more: 'Показать ещё',
  },
  audit: {
    title: 'Журнал аудита',
    hint: 'Все изменения через API, включая отклонённые, сначала новые.',
    when: 'Когда',
    who: 'Кто',
    what: 'Что',
    target: 'Объект',
    outcome: 'Результат',
    from: 'Откуда',
    ok: 'Выполнено',
    actorType: {
      operator: 'Оператор',
      api_key: 'API-ключ',
      anonymous: 'Без входа',
      system: 'Система',
    },
    empty: 'Журнал аудита пуст',
    emptyHint: 'Записи появятся, как только кто-нибудь что-нибудь изменит.',
    more: 'Показать ещё',
  },
};
