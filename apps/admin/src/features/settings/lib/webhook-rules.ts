/** Why a new webhook is refused before sending; the form shows each as a sentence. */
export type WebhookRule = 'urlRequired' | 'urlFormat' | 'urlTooLong' | 'eventsRequired';

const URL_MAX = 2000;

/**
 * The API's rules for a new receiver (an http(s) URL of at most 2000 characters, at least one
 * event), checked while typing so the admin sees them without a round trip. Private hosts such
 * as 127.0.0.1 are allowed, as in the API.
 */
export function validateWebhook(input: {
  url: string;
  events: readonly string[];
}): Partial<Record<'url' | 'events', WebhookRule>> {
  const problems: Partial<Record<'url' | 'events', WebhookRule>> = {};
  const url = input.url.trim();
  if (url === '') {
    problems.url = 'urlRequired';
  } else if (url.length > URL_MAX) {
    problems.url = 'urlTooLong';
  } else if (!isHttpUrl(url)) {
    problems.url = 'urlFormat';
  }
  if (input.events.length === 0) {
    problems.events = 'eventsRequired';
  }

  return problems;
}

function isHttpUrl(value: string): boolean {
  try {
    const parsed = new URL(value);

    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host !== '';
  } catch {
    return false;
  }
}

/** Event names contain dots, which the text files use as key separators. */
export function webhookEventTextKey(event: string): string {
  return `webhooks.event.${event.replaceAll('.', '_')}`;
}
