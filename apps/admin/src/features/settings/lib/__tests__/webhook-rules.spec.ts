import { describe, expect, it } from 'vitest';

import { validateWebhook } from '../webhook-rules';

const EVENTS = ['item.state_changed'];

describe('validateWebhook', () => {
  it('should accept an http(s) URL on a private host with one event', () => {
    expect(validateWebhook({ url: 'http://127.0.0.1:9000/hook', events: EVENTS })).toEqual({});
    expect(validateWebhook({ url: ' https://shop.example.com/e ', events: EVENTS })).toEqual({});
  });

  it('should name what is wrong with the URL', () => {
    expect(validateWebhook({ url: '  ', events: EVENTS }).url).toBe('urlRequired');
    expect(validateWebhook({ url: 'ftp://shop.example.com', events: EVENTS }).url).toBe(
      'urlFormat',
    );
    expect(validateWebhook({ url: 'shop.example.com/hook', events: EVENTS }).url).toBe('urlFormat');
    expect(
      validateWebhook({ url: `https://x.example/${'a'.repeat(2000)}`, events: EVENTS }).url,
    ).toBe('urlTooLong');
  });

  it('should ask for at least one event', () => {
    expect(validateWebhook({ url: 'https://x.example', events: [] }).events).toBe('eventsRequired');
  });
});
