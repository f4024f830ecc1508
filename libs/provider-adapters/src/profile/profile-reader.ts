import type { Page } from 'puppeteer-core';

import { ProviderChangedError } from '../errors/provider-errors';

/**
 * Reads provider data through the named entries of a provider profile. Whenever the data no
 * longer has the shape an entry describes, it throws `ProviderChangedError` naming the entry,
 * so a changed site points straight at the line of the profile to fix.
 */
export class ProfileReader<
  Urls extends Record<string, string>,
  Selectors extends Record<string, string>,
  Paths extends Record<string, string>,
> {
  constructor(
    private readonly profile: { urls: Urls; selectors: Selectors; paths: Paths },
    private readonly hosts: Record<string, string>,
  ) {}

  /** Fills `{host}` and `{param}` placeholders of a URL entry; parameters are URL-encoded. */
  url(entry: keyof Urls & string, params: Record<string, string> = {}): string {
    const template = this.profile.urls[entry];
    if (template === undefined) {
      throw new ProviderChangedError(`urls.${entry}`, 'the profile has no such URL');
    }

    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const host = this.hosts[name];
      if (host !== undefined) {
        return host.replace(/\/$/, '');
      }
      const value = params[name];
      if (value === undefined) {
        throw new ProviderChangedError(`urls.${entry}`, `no value for placeholder ${whole}`);
      }

      return encodeURIComponent(value);
    });
  }

  selector(entry: keyof Selectors & string): string {
    return this.profile.selectors[entry];
  }

  /** The element of a selector entry on the page, or "provider changed" when it is absent. */
  async element(page: Page, entry: keyof Selectors & string) {
    const element = await page.$(this.selector(entry));
    if (!element) {
      throw new ProviderChangedError(
        `selectors.${entry}`,
        `no element matches ${this.selector(entry)} on ${page.url()}`,
      );
    }

    return element;
  }

  /** The JSON embedded in a `<script type="application/json">` found by a selector entry. */
  async embeddedJson(page: Page, entry: keyof Selectors & string): Promise<unknown> {
    const text = await page
      .$eval(this.selector(entry), (element) => element.textContent)
      .catch(() => null);
    if (text === null) {
      throw new ProviderChangedError(
        `selectors.${entry}`,
        `no embedded data at ${this.selector(entry)} on ${page.url()}`,
      );
    }

    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new ProviderChangedError(`selectors.${entry}`, 'the embedded data is not JSON', {
        cause: error,
      });
    }
  }

  /** A value at a path entry (dotted, e.g. `seller.sellerType`) inside `data`. */
  value(data: unknown, entry: keyof Paths & string): unknown {
    const path = this.profile.paths[entry];
    let current: unknown = data;
    for (const key of path.split('.')) {
      if (current === null || typeof current !== 'object' || !(key in current)) {
        throw new ProviderChangedError(`paths.${entry}`, `the data has nothing at "${path}"`);
      }
      current = (current as Record<string, unknown>)[key];
    }

    return current;
  }

  string(data: unknown, entry: keyof Paths & string): string {
    const value = this.value(data, entry);
    if (typeof value === 'number') {
      return String(value);
    }
    if (typeof value !== 'string') {
      throw new ProviderChangedError(`paths.${entry}`, `expected text, found ${typeof value}`);
    }

    return value;
  }

  optionalString(data: unknown, entry: keyof Paths & string): string | null {
    const value = this.value(data, entry);

    return value === null || value === undefined ? null : this.string(data, entry);
  }

  number(data: unknown, entry: keyof Paths & string): number {
    const value = this.value(data, entry);
    const parsed = typeof value === 'string' ? Number(value) : value;
    if (typeof parsed !== 'number' || Number.isNaN(parsed)) {
      throw new ProviderChangedError(`paths.${entry}`, `expected a number, found ${String(value)}`);
    }

    return parsed;
  }

  array(data: unknown, entry: keyof Paths & string): unknown[] {
    const value = this.value(data, entry);
    if (!Array.isArray(value)) {
      throw new ProviderChangedError(`paths.${entry}`, `expected a list, found ${typeof value}`);
    }

    return value;
  }

  record(data: unknown, entry: keyof Paths & string): Record<string, unknown> {
    const value = this.value(data, entry);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ProviderChangedError(`paths.${entry}`, `expected an object, found ${typeof value}`);
    }

    return value as Record<string, unknown>;
  }
}
