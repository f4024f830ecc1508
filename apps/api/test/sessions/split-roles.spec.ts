import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ProviderSessionDto } from '@autobuy/contracts';

import { bootstrap, type RunningApp } from '../../src/app/bootstrap';
import type { AppConfig } from '../../src/config/app-config';
import { ProviderAdapters } from '../../src/sessions/provider-adapters';
import { describeWith } from '../activities/support/services';
import { REDIS_URL } from '../activities/support/test-database';
import { createPostgresDatabase, type PostgresDatabase } from '../support/postgres';
import { startTestApp, testConfig, type TestApp } from '../support/test-app';
import { LOGIN_FORM, measure, typePassword } from './support/login-page';
import { Popup } from './support/popup';
import { type Sandbox, startSandbox } from '../support/sandbox';

jest.setTimeout(120_000);

describeWith(['postgres', 'redis'], 'popup login with the API and the worker apart', () => {
  let sandbox: Sandbox;
  let postgres: PostgresDatabase;
  let api: TestApp;
  let worker: RunningApp;
  let workerDir: string;
  let popup: Popup | null = null;

  beforeAll(async () => {
    sandbox = await startSandbox();
    postgres = await createPostgresDatabase();
    // Same database, Redis, vault keys and prefix, as two machines of one deployment.
    const shared: Partial<AppConfig> = {
      databaseUrl: postgres.url,
      redisUrl: REDIS_URL,
      redisPrefix: `autobuy-sessions-test-${process.pid}-${Date.now()}`,
      sandboxUrl: sandbox.url,
      vaultKeys: [randomBytes(32).toString('base64')],
    };
    api = await startTestApp({ postgres, config: { ...shared, role: 'api' } });
    workerDir = mkdtempSync(join(tmpdir(), 'autobuy-worker-'));
    worker = await bootstrap(testConfig(workerDir, { ...shared, role: 'worker' }), {
      output: () => undefined,
    });
  });

  afterAll(async () => {
    popup?.close();
    await worker?.close();
    await api?.close();
    await postgres?.drop();
    await sandbox?.stop();
    rmSync(workerDir, { recursive: true, force: true });
  });

  it('should relay the worker login page to a popup served by the API process', async () => {
    const admin = await api.login();
    const account = await api.http
      .post('/api/v1/accounts')
      .set('Cookie', admin)
      .send({ provider: 'sandbox', login: 'sandbox_buyer' })
      .expect(201);
    popup = new Popup(api.running.url ?? '', admin);
    await popup.connected();

    const started = await api.http
      .post('/api/v1/sessions')
      .set('Cookie', admin)
      .send({ provider: 'sandbox' })
      .expect(202);
    const activityId = started.body.activityId as string;
    expect(await popup.attach(activityId)).toEqual({ ok: true, width: 1280, height: 800 });
    await popup.firstFrame(activityId);
    const pool = worker.app.get(ProviderAdapters).browserPool();
    await typePassword(
      popup,
      activityId,
      await measure(pool, sandbox.url, LOGIN_FORM),
      'sandbox_buyer',
    );

    const status = await popup.status(activityId, 'logged_in');
    const listed = await api.http.get('/api/v1/sessions').set('Cookie', admin).expect(200);
    expect(listed.body as ProviderSessionDto[]).toEqual([
      expect.objectContaining({
        id: status.sessionId,
        accountId: account.body.id,
        state: 'active',
      }),
    ]);
    // Published by the worker, delivered by the API process.
    while (!popup.sessionUpdates.some((update) => update.session.id === status.sessionId)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
});
