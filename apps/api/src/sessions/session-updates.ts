import { EventEmitter } from 'node:events';

import { Injectable } from '@nestjs/common';
import type { ProviderSessionDto } from '@autobuy/contracts';

/**
 * Session changes inside this process; the sessions gateway forwards them to every operator's
 * socket as `session.update`, and background sync listens to pause an expired session.
 */
@Injectable()
export class SessionUpdates {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(session: ProviderSessionDto): void {
    this.emitter.emit('session', session);
  }

  subscribe(listener: (session: ProviderSessionDto) => void): () => void {
    this.emitter.on('session', listener);

    return () => this.emitter.off('session', listener);
  }
}
