import { LIVE_EVENTS, LIVE_REFUSALS, SESSION_COOKIE } from '@autobuy/contracts';
import { io, type Socket } from 'socket.io-client';

import { startTestApp, type TestApp } from '../support/test-app';

function connect(url: string, options: { cookie?: string; token?: string }): Socket {
  return io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: options.cookie ? { cookie: options.cookie } : {},
    auth: options.token !== undefined ? { token: options.token } : {},
  });
}

function outcome(socket: Socket): Promise<'connected' | string> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

describe('live channel of the app', () => {
  let app: TestApp;
  let url: string;
  const sockets: Socket[] = [];
  const open = (options: { cookie?: string; token?: string }): Socket => {
    const socket = connect(url, options);
    sockets.push(socket);

    return socket;
  };

  beforeAll(async () => {
    app = await startTestApp();
    url = app.running.url ?? '';
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) {
      socket.disconnect();
    }
  });

  afterAll(async () => {
    await app.close();
  });

  it('should refuse a socket without an operator session', async () => {
    expect(await outcome(open({}))).toBe(LIVE_REFUSALS.unauthenticated);
    expect(await outcome(open({ cookie: `${SESSION_COOKIE}=forged` }))).toBe(
      LIVE_REFUSALS.unauthenticated,
    );
    expect(await outcome(open({ token: 'forged' }))).toBe(LIVE_REFUSALS.unauthenticated);
  });

  it('should admit a socket with the session cookie or the session token', async () => {
    const cookie = await app.login();
    const token = decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1));

    const byCookie = open({ cookie });
    expect(await outcome(byCookie)).toBe('connected');
    expect(await outcome(open({ token }))).toBe('connected');

    const ack = await byCookie.emitWithAck(LIVE_EVENTS.subscribe, { attention: true });
    expect(ack).toEqual({ ok: true });
  });

  it('should refuse the session after the operator logged out', async () => {
    const cookie = await app.login();
    await app.http.post('/api/v1/auth/logout').set('Cookie', cookie).expect(204);

    expect(await outcome(open({ cookie }))).toBe(LIVE_REFUSALS.unauthenticated);
  });
});
