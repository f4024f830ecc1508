import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ProviderCode } from '@autobuy/contracts';
import {
  BrowserPool,
  KitmallAdapter,
  type ProviderAdapter,
  TAOBAO_HOSTS,
  TaobaoAdapter,
  type TaobaoHosts,
  sandboxHosts,
} from '@autobuy/provider-adapters';

import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * One adapter per provider, built from the configuration, and the one browser pool they share.
 * The pool launches Chromium only when a browser job first needs it, and closes on shutdown.
 */
@Injectable()
export class ProviderAdapters implements OnApplicationShutdown {
  private readonly logger = new Logger('ProviderAdapters');
  private pool: BrowserPool | null = null;
  private readonly adapters = new Map<ProviderCode, ProviderAdapter>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  adapterFor(provider: ProviderCode): ProviderAdapter {
    const existing = this.adapters.get(provider);
    if (existing) {
      return existing;
    }

    const adapter = this.build(provider);
    this.adapters.set(provider, adapter);

    return adapter;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }

  private build(provider: ProviderCode): ProviderAdapter {
    switch (provider) {
      case 'sandbox':
        return new TaobaoAdapter({
          pool: this.browserPool(),
          hosts: sandboxHosts(this.config.sandboxUrl),
          code: 'sandbox',
        });
      case 'taobao':
        return new TaobaoAdapter({
          pool: this.browserPool(),
          hosts: { ...TAOBAO_HOSTS, ...(this.config.taobaoUrls as Partial<TaobaoHosts>) },
          code: 'taobao',
        });
      case 'kitmall':
        return new KitmallAdapter({ apiUrl: this.config.kitmallUrl });
    }
  }

  /** The shared pool (created on first use); tests measure pages through it too. */
  browserPool(): BrowserPool {
    if (!this.pool) {
      this.pool = new BrowserPool({ chromiumPath: this.config.chromiumPath ?? undefined });
      this.logger.log('Browser pool ready; Chromium starts with the first browser job');
    }

    return this.pool;
  }
}
