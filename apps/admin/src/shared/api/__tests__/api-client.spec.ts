import { afterEach, describe, expect, it, vi } from 'vitest';

import { mockApi } from '../../../test/fetch-mock';
import { api } from '../api-client';
import { ApiError } from '../api-error';
import { setUnauthenticatedListener } from '../unauthenticated';

describe('api client', () => {
  afterEach(() => setUnauthenticatedListener(null));

  it('should send JSON with the session cookie to the versioned base path', async () => {
    const { requests } = mockApi({
      'POST /api/v1/accounts': { status: 201, body: { id: 'a1' } },
    });

    const created = await api.post<{ id: string }>('/accounts', { login: 'buyer01' });

    expect(created).toEqual({ id: 'a1' });
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: '/api/v1/accounts',
      body: { login: 'buyer01' },
      credentials: 'include',
    });
  });

  it('should leave empty query values out of the URL', async () => {
    const { requests } = mockApi({
      'GET /api/v1/orders': { status: 200, body: { items: [], nextCursor: null } },
    });

    await api.get('/orders', { query: { q: '连衣裙', state: null, cursor: undefined, limit: 20 } });

    expect(requests[0].url).toBe(`/api/v1/orders?q=${encodeURIComponent('连衣裙')}&limit=20`);
  });

  it('should resolve with nothing on 204', async () => {
    mockApi({ 'DELETE /api/v1/accounts/a1': { status: 204 } });

    await expect(api.delete('/accounts/a1')).resolves.toBeUndefined();
  });

  it('should reject with the parsed error body', async () => {
    mockApi({
      'POST /api/v1/accounts': {
        status: 409,
        body: { code: 'conflict', message: 'The login buyer01 exists for sandbox.' },
      },
    });

    const failure = api.post('/accounts', { login: 'buyer01' });

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 409, code: 'conflict' });
  });

  it('should report the session end when any call answers 401 unauthenticated', async () => {
    const listener = vi.fn();
    setUnauthenticatedListener(listener);
    mockApi({
      'GET /api/v1/orders': { status: 401, body: { code: 'unauthenticated', message: 'Log in.' } },
    });

    await expect(api.get('/orders')).rejects.toMatchObject({ code: 'unauthenticated' });

    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('should not report a session end for a wrong password', async () => {
    const listener = vi.fn();
    setUnauthenticatedListener(listener);
    mockApi({
      'POST /api/v1/auth/login': {
        status: 401,
        body: { code: 'invalid_credentials', message: 'Wrong login or password.' },
      },
    });

    await expect(api.post('/auth/login', {})).rejects.toMatchObject({
      code: 'invalid_credentials',
    });

    expect(listener).not.toHaveBeenCalled();
  });

  it('should turn an unreachable server into a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    await expect(api.get('/orders')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});
