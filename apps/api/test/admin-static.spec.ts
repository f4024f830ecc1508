import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startTestApp, type TestApp } from './support/test-app';

describe('serving the built admin', () => {
  let t: TestApp;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'autobuy-admin-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Autobuy admin</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("admin")');
    t = await startTestApp({ config: { adminDist: dist } });
  });

  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('should serve index.html at / and for deep links (SPA fallback)', async () => {
    for (const path of ['/', '/orders/123', '/settings/api-keys']) {
      const response = await t.http.get(path).expect(200);
      expect(response.text).toContain('Autobuy admin');
    }
  });

  it('should serve the built assets as files', async () => {
    const response = await t.http.get('/assets/app.js').expect(200);

    expect(response.text).toContain('console.log');
  });

  it('should never answer API paths with the SPA page', async () => {
    const unknown = await t.http.get('/api/v1/unknown').expect(404);
    expect(unknown.body.code).toBe('not_found');

    const guarded = await t.http.get('/api/v1/orders').expect(401);
    expect(guarded.body.code).toBe('unauthenticated');
  });
});
