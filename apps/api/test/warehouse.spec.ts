import { VALID_WAREHOUSE } from './fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const URL = '/api/v1/providers/taobao/warehouse-profile';

describe('warehouse profile', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
  });

  afterAll(async () => {
    await t.close();
  });

  async function problems(patch: Record<string, unknown>): Promise<Record<string, string[]>> {
    const response = await t.http
      .put(URL)
      .set('Cookie', admin)
      .send({ ...VALID_WAREHOUSE, ...patch })
      .expect(400);
    expect(response.body.code).toBe('validation_failed');

    return response.body.details;
  }

  it('should answer 404 before a profile is set, then store and return a valid one', async () => {
    const missing = await t.http.get(URL).set('Cookie', admin).expect(404);
    expect(missing.body.code).toBe('not_found');

    await t.http.put(URL).set('Cookie', admin).send(VALID_WAREHOUSE).expect(200);

    const stored = await t.http.get(URL).set('Cookie', admin).expect(200);
    expect(stored.body).toEqual(VALID_WAREHOUSE);
  });

  it.each([
    [{ recipientName: '王' }, { recipientName: ['must be 2 to 14 characters'] }],
    [
      { recipientName: '王鑫磊奇跡王鑫磊奇跡王鑫磊奇跡' },
      { recipientName: ['must be 2 to 14 characters'] },
    ],
    [{ mobilePhone: '1114704323' }, { mobilePhone: ['must be 11 digits long'] }],
    [
      { mobilePhone: '21147043234' },
      { mobilePhone: ['must start with 1 (a mainland mobile number)'] },
    ],
    [{ mobilePhone: '1114704323x' }, { mobilePhone: ['must contain digits only'] }],
    [{ regionCode: '15078A' }, { regionCode: ['must contain digits only'] }],
    [{ regionCode: '15078' }, { regionCode: ['must be 6 digits long'] }],
    [{ zipCode: '02140' }, { zipCode: ['must be exactly 6 digits'] }],
    [{ zipCode: '02140a' }, { zipCode: ['must contain digits only'] }],
    [{ address: '   ' }, { address: ['must not be empty'] }],
    [{ address: 'Building 9, garage 23' }, { address: ['must be written in Chinese'] }],
  ])('should reject %j with its own message', async (patch, expected) => {
    expect(await problems(patch)).toEqual(expected);
  });

  it('should accept a 2-character name and a 14-character name', async () => {
    for (const recipientName of ['王鑫', '王鑫磊奇跡王鑫磊奇跡王鑫磊奇']) {
      await t.http
        .put(URL)
        .set('Cookie', admin)
        .send({ ...VALID_WAREHOUSE, recipientName })
        .expect(200);
    }
  });

  it('should report every field at once, and missing or non-text fields clearly', async () => {
    const response = await t.http
      .put(URL)
      .set('Cookie', admin)
      .send({ recipientName: 5, mobilePhone: '2', zipCode: 'abc' })
      .expect(400);

    expect(response.body.details).toEqual({
      recipientName: ['must be text'],
      mobilePhone: ['must be 11 digits long', 'must start with 1 (a mainland mobile number)'],
      regionCode: ['is required'],
      zipCode: ['must contain digits only', 'must be exactly 6 digits'],
      address: ['is required'],
    });
  });

  it('should keep the stored profile when an update is invalid', async () => {
    await t.http.put(URL).set('Cookie', admin).send(VALID_WAREHOUSE).expect(200);
    await problems({ zipCode: '1' });

    const stored = await t.http.get(URL).set('Cookie', admin).expect(200);
    expect(stored.body.zipCode).toBe(VALID_WAREHOUSE.zipCode);
  });

  it('should answer warehouse_not_supported for Kitmall and not_found for an unknown provider', async () => {
    const kitmall = await t.http
      .put('/api/v1/providers/kitmall/warehouse-profile')
      .set('Cookie', admin)
      .send(VALID_WAREHOUSE)
      .expect(400);
    expect(kitmall.body.code).toBe('warehouse_not_supported');

    await t.http
      .put('/api/v1/providers/jd/warehouse-profile')
      .set('Cookie', admin)
      .send(VALID_WAREHOUSE)
      .expect(404);
  });
});
