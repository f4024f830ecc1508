import {
  DealLimitReachedError,
  InvalidRequestError,
  ItemOutdatedError,
  NotBuyableError,
  ProviderBusyError,
  ProviderChangedError,
  type ProviderError,
  ProviderRejectedError,
  ProviderTimeoutError,
  SessionExpiredError,
} from '../errors/provider-errors';
import type { ProfileReader } from '../profile/profile-reader';
import type { KitmallProfile } from './kitmall.profile';

export type KitmallReader = ProfileReader<
  KitmallProfile['urls'],
  KitmallProfile['selectors'],
  KitmallProfile['paths']
>;

/** A JSON call to Kitmall's API with the account's key, a hard timeout and typed errors. */
export class KitmallClient {
  constructor(
    readonly reader: KitmallReader,
    readonly profile: KitmallProfile,
    private readonly apiKey: string,
    private readonly timeoutMs: number,
  ) {}

  async call(
    step: string,
    url: string,
    options: { method?: 'GET' | 'POST'; body?: unknown; itemId?: string } = {},
  ): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: options.method ?? 'GET',
        headers: {
          [this.profile.apiKeyHeader]: this.apiKey,
          Accept: 'application/json',
          ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new ProviderTimeoutError(step, this.timeoutMs, { cause: error });
      }

      throw new ProviderBusyError(`Kitmall could not be reached during ${step}`, { cause: error });
    }

    const text = await response.text().catch(() => '');
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      if (response.status >= 500) {
        throw new ProviderBusyError(`HTTP ${response.status} during ${step}`, { cause: error });
      }

      throw new ProviderChangedError(`urls.${step}`, `HTTP ${response.status} answered no JSON`, {
        cause: error,
      });
    }

    if (!response.ok) {
      throw this.toError(data, response.status, options.itemId);
    }

    return data;
  }

  private toError(data: unknown, status: number, itemId = '(unknown item)'): ProviderError {
    const code = this.reader.string(data, 'error.code');
    const message = this.reader.optionalString(data, 'error.message') ?? '';
    const codes = this.profile.codes;
    const is = (group: readonly string[]) => group.includes(code);

    if (is(codes.unauthorized)) {
      return new SessionExpiredError(`Kitmall refused the API key: ${message}`);
    }
    if (is(codes.busy) || status >= 500) {
      return new ProviderBusyError(`${code} ${message}`);
    }
    if (is(codes.dealLimit)) {
      return new DealLimitReachedError(message);
    }
    if (is(codes.itemGone) || is(codes.notBuyable)) {
      return new NotBuyableError(itemId, 'other', message);
    }
    if (is(codes.outOfStock)) {
      return new NotBuyableError(itemId, 'stock', message);
    }
    if (is(codes.skuGone)) {
      return new ItemOutdatedError(itemId, 'sku', null, null);
    }
    if (is(codes.badRequest)) {
      return new InvalidRequestError(`Kitmall refused the request: ${message}`);
    }

    return new ProviderRejectedError(code, message);
  }
}
