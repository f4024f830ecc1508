import { LIVE_SOCKET_PATH } from '@autobuy/contracts';
import { io } from 'socket.io-client';

import type { LiveSocket } from './live-client';

/**
 * The browser's connection to the live channel: same origin as the page, so the session cookie
 * goes along. Not connected until the live client starts it.
 */
export function createLiveSocket(): LiveSocket {
  const socket = io({
    path: LIVE_SOCKET_PATH,
    autoConnect: false,
    withCredentials: true,
    transports: ['websocket', 'polling'],
  });

  // Socket.IO types its listeners per event map; the live client only needs the untyped surface.
  return socket as unknown as LiveSocket;
}
