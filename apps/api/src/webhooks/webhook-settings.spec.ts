import { ConfigError } from '../config/app-config';
import { loadWebhookSettings, retryDelayMs } from './webhook-settings';
import { signBody, verifySignature } from './webhook-signature';

describe('webhook settings', () => {
  it('should double the delay after each failed attempt up to the cap', () => {
    const settings = loadWebhookSettings({
      WEBHOOK_RETRY_BASE_SECONDS: '10',
      WEBHOOK_RETRY_MAX_SECONDS: '60',
    });

    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(settings, attempt))).toEqual([
      10_000, 20_000, 40_000, 60_000, 60_000,
    ]);
  });

  it('should default to 8 attempts 30 s apart at first', () => {
    const settings = loadWebhookSettings({});

    expect(settings).toMatchObject({ maxAttempts: 8, retryBaseMs: 30_000 });
  });

  it('should name the variable that is wrong', () => {
    expect(() => loadWebhookSettings({ WEBHOOK_MAX_ATTEMPTS: '0' })).toThrow(ConfigError);
    expect(() => loadWebhookSettings({ WEBHOOK_MAX_ATTEMPTS: '2.5' })).toThrow(
      /WEBHOOK_MAX_ATTEMPTS must be a whole number/,
    );
    expect(() => loadWebhookSettings({ WEBHOOK_RETRY_BASE_SECONDS: 'soon' })).toThrow(
      /WEBHOOK_RETRY_BASE_SECONDS must be a positive number/,
    );
  });
});

describe('webhook signature', () => {
  it('should verify the exact body and refuse a changed one or another secret', () => {
    const body = '{"id":"1","event":"item.state_changed"}';
    const header = signBody('whsec_one', body);

    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_one', body, header)).toBe(true);
    expect(verifySignature('whsec_one', `${body} `, header)).toBe(false);
    expect(verifySignature('whsec_two', body, header)).toBe(false);
    expect(verifySignature('whsec_one', body, 'sha256=short')).toBe(false);
  });
});
