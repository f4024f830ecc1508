import { SESSION_COOKIE } from '@autobuy/contracts';

import { SessionLiveAuthenticator } from '../../src/activities';

// The session service is the app's; only its answer for a token matters here.
const sessions = {
  authenticate: async (token: string) =>
    token === 'valid token' ? ({ operator: { id: 'operator-1' }, session: {} } as never) : null,
};

const handshake = (cookie?: string) => ({ headers: cookie ? { cookie } : {}, auth: {} });

describe(SessionLiveAuthenticator.name, () => {
  const sut = new SessionLiveAuthenticator(sessions);

  it('should admit the operator whose session cookie is valid', async () => {
    const cookie = `theme=dark; ${SESSION_COOKIE}=${encodeURIComponent('valid token')}; lang=ru`;

    expect(await sut.authenticate(handshake(cookie))).toEqual({ operatorId: 'operator-1' });
  });

  it.each([
    ['no cookie at all', undefined],
    ['other cookies only', 'theme=dark'],
    ['an unknown session', `${SESSION_COOKIE}=forged`],
    ['an empty session cookie', `${SESSION_COOKIE}=`],
    ['a malformed escape', `${SESSION_COOKIE}=%E0%A4%A`],
  ])('should refuse a handshake with %s', async (_case, cookie) => {
    expect(await sut.authenticate(handshake(cookie))).toBeNull();
  });
});
