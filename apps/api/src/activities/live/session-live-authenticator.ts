import { SESSION_COOKIE } from '@autobuy/contracts';

import type { LoginSessionsService } from '../../auth/login-sessions.service';
import type { LiveAuthenticator, LiveHandshake, LiveIdentity } from './live-authenticator';

function sessionToken(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value.length > 0) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return null;
      }
    }
  }

  return null;
}

/**
 * The live channel's check in the app: the same operator login session cookie as the REST API
 * (the browser sends it with the Socket.IO handshake). API keys do not open the live channel.
 */
export class SessionLiveAuthenticator implements LiveAuthenticator {
  constructor(private readonly sessions: Pick<LoginSessionsService, 'authenticate'>) {}

  async authenticate(handshake: LiveHandshake): Promise<LiveIdentity | null> {
    const token = sessionToken(handshake.headers.cookie);
    if (!token) {
      return null;
    }
    const found = await this.sessions.authenticate(token);

    return found ? { operatorId: found.operator.id } : null;
  }
}
