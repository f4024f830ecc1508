import type { ProviderAccountDto } from '@autobuy/contracts';

import { ProviderAccountEntity } from '../src/providers/entities/provider-account.entity';
import { startTestApp, type TestApp } from './support/test-app';

describe('providers and accounts', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should list the three providers with Sandbox enabled and the others off', async () => {
    const response = await t.http.get('/api/v1/providers').set('Cookie', admin).expect(200);

    expect(
      response.body.map((p: { code: string; enabled: boolean }) => [p.code, p.enabled]),
    ).toEqual([
      ['sandbox', true],
      ['taobao', false],
      ['kitmall', false],
    ]);
  });

  it('should enable a provider and validate the tolerance', async () => {
    const updated = await t.http
      .patch('/api/v1/providers/taobao')
      .set('Cookie', admin)
      .send({ enabled: true, priceTolerancePercent: 3 })
      .expect(200);
    expect(updated.body).toMatchObject({ code: 'taobao', enabled: true, priceTolerancePercent: 3 });

    const bad = await t.http
      .patch('/api/v1/providers/taobao')
      .set('Cookie', admin)
      .send({ enabled: 'yes', priceTolerancePercent: 101 })
      .expect(400);
    expect(bad.body.details).toEqual({
      enabled: ['must be true or false'],
      priceTolerancePercent: ['must be at most 100'],
    });
  });

  it('should create, edit and delete an account, refusing a duplicate login with 409', async () => {
    const created = await t.http
      .post('/api/v1/accounts')
      .set('Cookie', admin)
      .send({ provider: 'sandbox', login: 'sms_buyer', note: 'SMS challenge' })
      .expect(201);
    const account = created.body as ProviderAccountDto;
    expect(account).toMatchObject({ provider: 'sandbox', login: 'sms_buyer', enabled: true });

    const duplicate = await t.http
      .post('/api/v1/accounts')
      .set('Cookie', admin)
      .send({ provider: 'sandbox', login: 'sms_buyer' })
      .expect(409);
    expect(duplicate.body.code).toBe('conflict');
    // The same login on another provider is a different account.
    await t.http
      .post('/api/v1/accounts')
      .set('Cookie', admin)
      .send({ provider: 'taobao', login: 'sms_buyer' })
      .expect(201);

    const edited = await t.http
      .patch(`/api/v1/accounts/${account.id}`)
      .set('Cookie', admin)
      .send({ enabled: false, note: '' })
      .expect(200);
    expect(edited.body).toMatchObject({ enabled: false, note: null });

    await t.http.delete(`/api/v1/accounts/${account.id}`).set('Cookie', admin).expect(204);
    const list = await t.http.get('/api/v1/accounts?provider=sandbox').set('Cookie', admin);
    expect(list.body.map((a: ProviderAccountDto) => a.id)).not.toContain(account.id);
    await t.http.delete(`/api/v1/accounts/${account.id}`).set('Cookie', admin).expect(404);
  });

  it('should refuse a phone number as a login and explain the API key rules per provider', async () => {
    const phone = await t.http
      .post('/api/v1/accounts')
      .set('Cookie', admin)
      .send({ provider: 'sandbox', login: '+86 138 0013 8000' })
      .expect(400);
    expect(phone.body.details).toEqual({
      login: ["must be the account's nickname, not a phone number"],
    });

    const kitmallWithoutKey = await t.http
      .post('/api/v1/accounts')
      .set('Cookie', admin)
      .send({ provider: 'kitmall', login: 'kitmall_buyer' })
      .expect(400);
    expect(kitmallWithoutKey.body.details).toEqual({
      apiKey: ['is required for Kitmall accounts'],
    });

    const sandboxWithKey = await t.http
      .post('/api/v1/accounts')
      .set('Cookie', admin)
      .send({ provider: 'sandbox', login: 'qr_buyer', apiKey: 'x' })
      .expect(400);
    expect(sandboxWithKey.body.details.apiKey[0]).toMatch(/log in through the browser/);
  });

  it('should store a Kitmall API key sealed, never in clear', async () => {
    const created = await t.http
      .post('/api/v1/accounts')
      .set('Cookie', admin)
      .send({ provider: 'kitmall', login: 'kitmall_buyer', apiKey: 'kitmall-demo-key' })
      .expect(201);
    expect(JSON.stringify(created.body)).not.toContain('kitmall-demo-key');

    const row = await t.running.dataSource
      .getRepository(ProviderAccountEntity)
      .findOneByOrFail({ id: created.body.id });
    expect(row.apiKeyEncrypted).toMatch(/^v1:/);
    expect(row.apiKeyEncrypted).not.toContain('kitmall-demo-key');
  });

  it('should answer 404 for unknown providers and accounts', async () => {
    await t.http.patch('/api/v1/providers/jd').set('Cookie', admin).send({}).expect(404);
    await t.http
      .patch('/api/v1/accounts/00000000-0000-4000-8000-000000000000')
      .set('Cookie', admin)
      .send({ enabled: true })
      .expect(404);
    const badFilter = await t.http
      .get('/api/v1/accounts?provider=jd')
      .set('Cookie', admin)
      .expect(400);
    expect(badFilter.body.details).toEqual({
      provider: ['must be one of: sandbox, taobao, kitmall'],
    });
  });
});
