import { Injectable } from '@nestjs/common';
import type { ProviderSessionDto } from '@autobuy/contracts';

import { SessionsBusProvider } from './login-bus';
import { SESSION_UPDATES_CHANNEL } from './login-channels';

/**
 * Session changes, from whichever process made them (a worker's periodic check, an API's
 * DELETE); the sessions gateway of every API process forwards them to its operators' sockets.
 */
@Injectable()
export class SessionUpdates {
  constructor(private readonly busProvider: SessionsBusProvider) {}

  publish(session: ProviderSessionDto): void {
    this.busProvider.bus.publish(SESSION_UPDATES_CHANNEL, { session });
  }

  subscribe(listener: (session: ProviderSessionDto) => void): Promise<() => void> {
    return this.busProvider.bus.subscribe(SESSION_UPDATES_CHANNEL, (message) =>
      listener(message['session'] as ProviderSessionDto),
    );
  }
}
