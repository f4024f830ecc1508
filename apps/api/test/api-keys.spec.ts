import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { API_KEY_HEADER } from '@autobuy/contracts';

import { importRequest } from './fixtures';
import { startTestApp, type TestApp } from './support/test-app';

describe('integrator API keys', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
  });

  afterAll(async () => {
    await t.close();
  });

  async function createKey(scopes: string[], name = 'Shop'): Promise<{ id: string; key: string }> {
    const response = await t.http
      .post('/api/v1/api-keys')
      .set('Cookie', admin)
      .send({ name, scopes })
      .expect(201);

    return response.body;
  }

  it('should show the raw key once and list only its prefix afterwards', async () => {
    const created = await createKey(['read']);
    expect(created.key).toMatch(/^abk_[A-Za-z0-9_-]{43}$/);

    const list = await t.http.get('/api/v1/api-keys').set('Cookie', admin).expect(200);
    const listed = list.body.find((k: { id: string }) => k.id === created.id);

    expect(listed.key).toBeUndefined();
    expect(created.key.startsWith(listed.prefix)).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(created.key);
  });

  it('should enforce scopes: a read key reads but cannot import orders', async () => {
    const { key } = await createKey(['read']);

    await t.http.get('/api/v1/orders').set(API_KEY_HEADER, key).expect(200);
    const refused = await t.http
      .post('/api/v1/orders')
      .set(API_KEY_HEADER, key)
      .send(importRequest('SCOPE-1'))
      .expect(403);
    expect(refused.body.message).toMatch(/orders:write/);
  });

  it('should let an orders:write key import but not read', async () => {
    const { key } = await createKey(['orders:write']);

    await t.http
      .post('/api/v1/orders')
      .set(API_KEY_HEADER, key)
      .send(importRequest('SCOPE-2'))
      .expect(201);
    await t.http.get('/api/v1/orders').set(API_KEY_HEADER, key).expect(403);
  });

  it('should refuse a revoked key and keep it in the list with revokedAt', async () => {
    const { id, key } = await createKey(['read']);
    await t.http.get('/api/v1/providers').set(API_KEY_HEADER, key).expect(200);

    await t.http.delete(`/api/v1/api-keys/${id}`).set('Cookie', admin).expect(204);

    const refused = await t.http.get('/api/v1/providers').set(API_KEY_HEADER, key).expect(401);
    expect(refused.body.code).toBe('unauthenticated');
    const list = await t.http.get('/api/v1/api-keys').set('Cookie', admin).expect(200);
    const revoked = list.body.find((k: { id: string }) => k.id === id);
    expect(revoked.revokedAt).not.toBeNull();
    expect(revoked.lastUsedAt).not.toBeNull();
  });

  it('should reject an unknown scope with a per-field message', async () => {
    const response = await t.http
      .post('/api/v1/api-keys')
      .set('Cookie', admin)
      .send({ name: '', scopes: ['admin'] })
      .expect(400);

    expect(response.body.code).toBe('validation_failed');
    expect(response.body.details).toEqual({
      name: ['must be 1 to 100 characters'],
      scopes: ['each must be one of: read, orders:write, purchases:write'],
    });
  });

  it('should never store the raw key: its bytes are nowhere in the database files', async () => {
    const { key } = await createKey(['read', 'orders:write'], 'Byte search');
    await t.http.get('/api/v1/orders').set(API_KEY_HEADER, key).expect(200);
    // Make SQLite move the write-ahead log into the main file too, then search both.
    await t.running.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');

    const dir = t.config.dataDir;
    const files = readdirSync(dir).filter((f) => f.startsWith('autobuy.sqlite'));
    expect(files).toContain('autobuy.sqlite');
    const secret = Buffer.from(key.slice(4), 'utf8');
    for (const file of files) {
      expect(readFileSync(join(dir, file)).includes(secret)).toBe(false);
    }

    // The prefix is stored (so an admin can tell keys apart), which proves the search works.
    const prefix = Buffer.from(key.slice(0, 12), 'utf8');
    expect(files.some((file) => readFileSync(join(dir, file)).includes(prefix))).toBe(true);
  });
});
