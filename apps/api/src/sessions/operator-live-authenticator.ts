import { SESSION_COOKIE } from '@autobuy/contracts';

import {
  type LiveAuthenticator,
  type LiveHandshake,
  type LiveIdentity,
  SessionLiveAuthenticator,
} from '../activities';
import type { LoginSessionsService } from '../auth/login-sessions.service';

/**
 * The live channel's check: the operator login session, from the cookie a browser sends with
 * the handshake or, for a client that cannot set cookies, the same token in `auth.token`.
 */
export class OperatorLiveAuthenticator implements LiveAuthenticator {
  private readonly byCookie: SessionLiveAuthenticator;

  constructor(sessions: Pick<LoginSessionsService, 'authenticate'>) {
    this.byCookie = new SessionLiveAuthenticator(sessions);
  }

  async authenticate(handshake: LiveHandshake): Promise<LiveIdentity | null> {
    const token = handshake.auth['token'];
    if (typeof token === 'string' && token !== '' && handshake.headers.cookie === undefined) {
      const cookie = `${SESSION_COOKIE}=${encodeURIComponent(token)}`;

      return this.byCookie.authenticate({
        ...handshake,
        headers: { ...handshake.headers, cookie },
      });
    }

    return this.byCookie.authenticate(handshake);
  }
}
