import type { IncomingHttpHeaders } from 'node:http';

/** What the live channel knows of a connecting client (Socket.IO's handshake, narrowed). */
export interface LiveHandshake {
  headers: IncomingHttpHeaders;
  /** The client's `auth` field, e.g. `{ token }` from a non-browser client. */
  auth: Record<string, unknown>;
}

export interface LiveIdentity {
  operatorId: string;
}

/**
 * Decides who a socket belongs to. The app implements it with operator login sessions (the
 * session cookie in `headers.cookie`); null refuses the connection.
 */
export interface LiveAuthenticator {
  authenticate(handshake: LiveHandshake): Promise<LiveIdentity | null>;
}

export const LIVE_AUTHENTICATOR = Symbol('LIVE_AUTHENTICATOR');
