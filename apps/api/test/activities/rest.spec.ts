import './support/quiet-logs';

import request from 'supertest';

import { InProcessQueue } from '../../src/activities/queue/in-process-queue';
import { Harness, newAccountId } from './support/harness';
import { createSqliteDatabase } from './support/test-database';
import { startTestApp, type TestApp } from './support/test-app';

describe('REST /api/v1/activities', () => {
  let harness: Harness;
  let testApp: TestApp;
  const api = () => request(testApp.url);

  beforeEach(async () => {
    harness = new Harness(await createSqliteDatabase(), {
      name: 'in-process',
      create: () => new InProcessQueue(),
    });
    testApp = await startTestApp(harness.db.dataSource);
  });

  afterEach(async () => {
    harness.openGate('ALL');
    await testApp.app.close();
    await harness.close();
  });

  const waitingActivity = async (): Promise<{ id: string; questionId: string }> => {
    const started = await testApp.engine.service.start({
      kind: 'test.ask',
      summary: 'Price check for order 1001',
      input: harness.input(),
    });
    await harness.until(testApp.engine, started.id, ['waiting_for_operator']);
    const detail = await api().get(`/api/v1/activities/${started.id}`).expect(200);

    return { id: started.id, questionId: detail.body.openQuestion.id };
  };

  it('should list with filters and text search, and page with a cursor without repeats', async () => {
    const account = newAccountId();
    const ids: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      const started = await testApp.engine.service.start({
        kind: 'test.steps',
        accountId: index < 5 ? account : newAccountId(),
        summary: index === 3 ? 'Reserve 淘宝 order 1003' : `Reserve order ${1000 + index}`,
        input: harness.input(),
      });
      ids.push(started.id);
    }
    for (const id of ids) {
      await harness.until(testApp.engine, id, ['succeeded']);
    }

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await api()
        .get('/api/v1/activities')
        .query({ accountId: account, limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    // Every activity of the account exactly once (ties in created_at are broken by id).
    expect(seen).toHaveLength(5);
    expect([...seen].sort()).toEqual(ids.slice(0, 5).sort());

    const search = await api().get('/api/v1/activities').query({ q: '淘宝' }).expect(200);
    expect(search.body.items.map((item: { id: string }) => item.id)).toEqual([ids[3]]);
    const byState = await api().get('/api/v1/activities').query({ state: 'queued' }).expect(200);
    expect(byState.body).toEqual({ items: [], nextCursor: null });
    const future = await api()
      .get('/api/v1/activities')
      .query({ createdFrom: new Date(Date.now() + 60_000).toISOString() })
      .expect(200);
    expect(future.body.items).toEqual([]);
  });

  it('should refuse bad filters and a forged cursor with field details', async () => {
    const bad = await api()
      .get('/api/v1/activities')
      .query({ state: 'sleeping', limit: 0 })
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed' });
    expect(Object.keys(bad.body.details).sort()).toEqual(['limit', 'state']);

    const forged = await api()
      .get('/api/v1/activities')
      .query({ cursor: 'bm90LWEtY3Vyc29y' })
      .expect(400);
    expect(forged.body).toMatchObject({
      code: 'validation_failed',
      details: { cursor: ['is not valid'] },
    });
  });

  it('should answer 404 for an unknown or malformed activity id', async () => {
    await api().get('/api/v1/activities/00000000-0000-4000-8000-000000000000').expect(404);
    const malformed = await api().get('/api/v1/activities/not-an-id').expect(404);
    expect(malformed.body).toMatchObject({ code: 'not_found' });
  });

  it('should give events after a sequence number', async () => {
    const started = await testApp.engine.service.start({
      kind: 'test.steps',
      summary: 'events',
      input: harness.input(),
    });
    await harness.until(testApp.engine, started.id, ['succeeded']);

    const all = await api().get(`/api/v1/activities/${started.id}/events`).expect(200);
    const after = await api().get(`/api/v1/activities/${started.id}/events?afterSeq=3`).expect(200);

    expect(after.body).toEqual(all.body.slice(3));
    expect(after.body[0].seq).toBe(4);
    await api().get(`/api/v1/activities/${started.id}/events?afterSeq=-1`).expect(400);
  });

  it('should take an answer once, refuse an option not offered and a second answer', async () => {
    const { id, questionId } = await waitingActivity();

    const missing = await api()
      .post(`/api/v1/activities/${id}/answers`)
      .send({ choice: 'abort' })
      .expect(400);
    expect(missing.body.details).toHaveProperty('questionId');
    const invalid = await api()
      .post(`/api/v1/activities/${id}/answers`)
      .send({ questionId, choice: 'buy_anyway' })
      .expect(400);
    expect(invalid.body).toMatchObject({
      code: 'invalid_choice',
      details: { choice: ['must be one of: cancel_item, skip_item, abort'] },
    });

    const answered = await api()
      .post(`/api/v1/activities/${id}/answers`)
      .send({ questionId, choice: 'skip_item' })
      .expect(200);
    expect(answered.body.questions[0]).toMatchObject({
      choice: 'skip_item',
      answeredBy: 'operator:anna',
    });
    const again = await api()
      .post(`/api/v1/activities/${id}/answers`)
      .send({ questionId, choice: 'abort' })
      .expect(409);
    expect(again.body).toMatchObject({ code: 'question_already_answered' });
    await harness.until(testApp.engine, id, ['partly_succeeded']);
  });

  it('should cancel a waiting activity, then refuse to cancel or retry it', async () => {
    const { id } = await waitingActivity();

    const cancelled = await api().post(`/api/v1/activities/${id}/cancel`).expect(200);
    expect(cancelled.body).toMatchObject({
      state: 'cancelled',
      reason: 'Cancelled by operator:anna',
    });
    expect((await api().post(`/api/v1/activities/${id}/cancel`).expect(409)).body.code).toBe(
      'already_finished',
    );
    expect((await api().post(`/api/v1/activities/${id}/retry`).expect(409)).body.code).toBe(
      'not_retryable',
    );
  });

  it('should retry a failed activity through the API', async () => {
    const started = await testApp.engine.service.start({
      kind: 'test.flaky',
      summary: 'flaky',
      input: harness.input(),
    });
    await harness.until(testApp.engine, started.id, ['failed']);

    const retried = await api().post(`/api/v1/activities/${started.id}/retry`).expect(200);
    expect(retried.body).toMatchObject({ state: 'queued', attempt: 2, failedStep: null });
    await harness.until(testApp.engine, started.id, ['succeeded']);
  });
});
