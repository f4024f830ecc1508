import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  API_KEY_HEADER,
  type AuditEntryDto,
  type CreatedWebhookDto,
  type ItemStateChangedEventBody,
  type WebhookDeliveryLogDto,
} from '@autobuy/contracts';
import { DataSource } from 'typeorm';

import { ItemStateChanges } from '../src/orders/item-state-changes';
import { importRequest } from './fixtures';
import { postgresReachable } from './support/postgres';
import { startTestApp, type TestApp } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';

const MAX_ATTEMPTS = 3;

/** Polls until the check passes; the deadline only guards against a hang, it is not a timing. */
async function eventually<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(['sqlite', 'postgres'] as const)('webhooks on %s', (engine) => {
  let skip = false;
  let t: TestApp;
  let admin: string;
  let receiver: WebhookReceiver;
  let orderId: string;
  let itemId: string;

  beforeAll(async () => {
    // Fast retries so a test sees a full retry plan; jest gives every spec file its own env.
    process.env.WEBHOOK_RETRY_BASE_SECONDS = '0.02';
    process.env.WEBHOOK_MAX_ATTEMPTS = String(MAX_ATTEMPTS);
    process.env.WEBHOOK_POLL_SECONDS = '0.05';
    skip = engine === 'postgres' && !(await postgresReachable());
    if (skip) {
      return;
    }
    receiver = await WebhookReceiver.start();
    t = await startTestApp({ engine });
    admin = await t.login();

    const order = await t.http
      .post('/api/v1/orders')
      .set('Cookie', admin)
      .send(importRequest('HOOK-1'))
      .expect(201);
    orderId = order.body.id;
    itemId = order.body.items[0].id;
  });

  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  beforeEach(() => {
    receiver?.reset();
  });

  // PostgreSQL being absent was announced once; its tests then pass without running.
  const it = (name: string, fn: () => Promise<void>): void =>
    test(name, async () => {
      if (!skip) {
        await fn();
      }
    });

  async function createWebhook(body: object = {}): Promise<CreatedWebhookDto> {
    const response = await t.http
      .post('/api/v1/webhooks')
      .set('Cookie', admin)
      .send({ url: receiver.url, events: ['item.state_changed'], ...body })
      .expect(201);

    return response.body;
  }

  async function deliveries(webhookId: string): Promise<WebhookDeliveryLogDto[]> {
    const response = await t.http
      .get(`/api/v1/webhooks/${webhookId}/deliveries`)
      .set('Cookie', admin)
      .expect(200);

    return response.body.items;
  }

  /** A committed state change, announced through the seam the purchase workflows use. */
  async function changeItemState(): Promise<void> {
    await t.running.app.get(ItemStateChanges).publish({
      orderId,
      itemIds: [itemId],
      from: 'available',
      to: 'reserved',
      reason: 'Reserved in Sandbox order 1234567890',
    });
  }

  async function removeWebhook(id: string): Promise<void> {
    await t.http.delete(`/api/v1/webhooks/${id}`).set('Cookie', admin).expect(204);
  }

  it('should create, list, change and delete a webhook, showing the secret only once', async () => {
    const created = await createWebhook({ enabled: false });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ url: receiver.url, events: ['item.state_changed'] });

    const [stored] = await t.running.app
      .get(DataSource)
      .query('SELECT secret_sealed FROM webhooks');
    expect(stored.secret_sealed).toMatch(/^v1:/);
    expect(stored.secret_sealed).not.toContain(created.secret);
    const list = await t.http.get('/api/v1/webhooks').set('Cookie', admin).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: created.id, enabled: false })]);
    expect(JSON.stringify(list.body)).not.toContain(created.secret);

    const changed = await t.http
      .patch(`/api/v1/webhooks/${created.id}`)
      .set('Cookie', admin)
      .send({ enabled: true, url: `${receiver.url}?v=2` })
      .expect(200);
    expect(changed.body).toMatchObject({ enabled: true, url: `${receiver.url}?v=2` });
    expect(changed.body.secret).toBeUndefined();

    await removeWebhook(created.id);
    const after = await t.http.get('/api/v1/webhooks').set('Cookie', admin).expect(200);
    expect(after.body).toEqual([]);
    await t.http
      .patch(`/api/v1/webhooks/${created.id}`)
      .set('Cookie', admin)
      .send({ enabled: false })
      .expect(404);
  });

  it('should refuse bad input field by field and store nothing', async () => {
    const response = await t.http
      .post('/api/v1/webhooks')
      .set('Cookie', admin)
      .send({ url: 'ftp://files.example.com/in', events: ['order.paid'], secret: 'short' })
      .expect(400);

    expect(response.body.code).toBe('validation_failed');
    expect(response.body.details).toEqual({
      url: ['must be an http(s) URL'],
      events: ['each must be one of: item.state_changed'],
      secret: ['must be 16 to 200 characters'],
    });
    const missing = await t.http.post('/api/v1/webhooks').set('Cookie', admin).send({}).expect(400);
    expect(Object.keys(missing.body.details).sort()).toEqual(['events', 'url']);
    const notUrl = await t.http
      .post('/api/v1/webhooks')
      .set('Cookie', admin)
      .send({ url: 'not a url', events: ['item.state_changed'] })
      .expect(400);
    expect(notUrl.body.details.url).toEqual(['must be an http(s) URL']);
    const list = await t.http.get('/api/v1/webhooks').set('Cookie', admin).expect(200);
    expect(list.body).toEqual([]);
  });

  it('should refuse operators and API keys, even a key with every scope', async () => {
    await t.http
      .post('/api/v1/operators')
      .set('Cookie', admin)
      .send({ login: 'olga', password: 'operator-password-1', role: 'operator' })
      .expect(201);
    const operator = await t.login('olga', 'operator-password-1');
    const key = await t.http
      .post('/api/v1/api-keys')
      .set('Cookie', admin)
      .send({ name: 'All scopes', scopes: ['read', 'orders:write', 'purchases:write'] })
      .expect(201);

    const refused: [string, string][] = [
      ['Cookie', operator],
      [API_KEY_HEADER, key.body.key as string],
    ];
    for (const [header, value] of refused) {
      await t.http.get('/api/v1/webhooks').set(header, value).expect(403);
      await t.http
        .post('/api/v1/webhooks')
        .set(header, value)
        .send({ url: receiver.url, events: ['item.state_changed'] })
        .expect(403);
    }
  });

  it('should POST a signed event the receiver can verify, and log the delivery', async () => {
    const webhook = await createWebhook();

    await changeItemState();
    await eventually(async () => receiver.received[0], 'the delivery');

    const [request] = receiver.received;
    const expected = createHmac('sha256', webhook.secret).update(request.rawBody).digest('hex');
    expect(request.headers['x-autobuy-signature']).toBe(`sha256=${expected}`);
    expect(request.headers['x-autobuy-event']).toBe('item.state_changed');
    const body = JSON.parse(request.rawBody) as ItemStateChangedEventBody;
    expect(body).toMatchObject({
      event: 'item.state_changed',
      data: {
        orderId,
        orderExternalId: 'HOOK-1',
        itemIds: [itemId],
        from: 'available',
        to: 'reserved',
        reason: 'Reserved in Sandbox order 1234567890',
      },
    });

    const [delivery] = await eventually(async () => {
      const rows = await deliveries(webhook.id);

      return rows[0]?.status === 'delivered' ? rows : undefined;
    }, 'the delivered status');
    expect(request.headers['x-autobuy-delivery']).toBe(delivery.id);
    expect(delivery).toMatchObject({ eventId: body.id, attempts: 1, responseStatus: 200 });
    expect(delivery.attemptLog).toHaveLength(1);
    await removeWebhook(webhook.id);
  });

  it('should retry after a receiver 500 and then succeed, with every attempt logged', async () => {
    const webhook = await createWebhook();
    receiver.answerWith(500);

    await changeItemState();
    const delivery = await eventually(async () => {
      const [row] = await deliveries(webhook.id);

      return row?.status === 'delivered' ? row : undefined;
    }, 'the retried delivery');

    expect(delivery.attempts).toBe(2);
    expect(delivery.attemptLog.map((a) => a.responseStatus)).toEqual([500, 200]);
    expect(delivery.attemptLog[0].error).toMatch(/HTTP 500/);
    // The same delivery id both times, so the receiver can drop a duplicate.
    expect(receiver.received.map((r) => r.headers['x-autobuy-delivery'])).toEqual([
      delivery.id,
      delivery.id,
    ]);
    await removeWebhook(webhook.id);
  });

  it('should give up after the configured number of attempts', async () => {
    const webhook = await createWebhook();
    receiver.answerWith(...Array<number>(10).fill(503));

    await changeItemState();
    const delivery = await eventually(async () => {
      const [row] = await deliveries(webhook.id);

      return row?.status === 'failed' ? row : undefined;
    }, 'the failed delivery');

    expect(delivery.attempts).toBe(MAX_ATTEMPTS);
    expect(delivery.error).toMatch(/gave up after 3 attempts/);
    expect(delivery.nextAttemptAt).toBeNull();
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);
    await removeWebhook(webhook.id);
  });

  it('should page the delivery log newest first and send nothing to a disabled webhook', async () => {
    const webhook = await createWebhook();
    const off = await createWebhook({ enabled: false });
    for (let i = 0; i < 3; i++) {
      await changeItemState();
    }
    await eventually(async () => {
      const rows = await deliveries(webhook.id);

      return rows.length === 3 && rows.every((r) => r.status === 'delivered') ? rows : undefined;
    }, 'three deliveries');

    const first = await t.http
      .get(`/api/v1/webhooks/${webhook.id}/deliveries?limit=2`)
      .set('Cookie', admin)
      .expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await t.http
      .get(`/api/v1/webhooks/${webhook.id}/deliveries?limit=2&cursor=${first.body.nextCursor}`)
      .set('Cookie', admin)
      .expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((d: { id: string }) => d.id);
    expect(new Set(ids).size).toBe(3);
    expect(await deliveries(off.id)).toEqual([]);

    const bad = await t.http
      .get(`/api/v1/webhooks/${webhook.id}/deliveries?cursor=nonsense`)
      .set('Cookie', admin)
      .expect(400);
    expect(bad.body.details.cursor).toBeDefined();
    await removeWebhook(webhook.id);
    await removeWebhook(off.id);
  });

  it('should audit a purchase operation, an answer and a webhook change with who and where', async () => {
    await t.http
      .post('/api/v1/operators')
      .set('Cookie', admin)
      .send({ login: 'anna', password: 'operator-password-2', role: 'operator' })
      .expect(201);
    const anna = await t.login('anna', 'operator-password-2');
    const activityId = randomUUID();
    const questionId = randomUUID();

    // Refused writes are audited too: the attempt is what an investigation needs.
    const reservation = await t.http
      .post('/api/v1/reservations')
      .set('Cookie', anna)
      .set('User-Agent', 'audit-test')
      .send({ orderId, itemIds: [itemId], sessionId: randomUUID() });
    expect(reservation.status).toBeGreaterThanOrEqual(400);
    await t.http
      .post(`/api/v1/activities/${activityId}/answers`)
      .set('Cookie', anna)
      .send({ questionId, choice: 'abort' })
      .expect(404);
    const webhook = await createWebhook({ secret: 'a-secret-never-logged' });

    const log = await t.http.get('/api/v1/audit?limit=20').set('Cookie', admin).expect(200);
    const entries = log.body.items as AuditEntryDto[];
    const find = (action: string): AuditEntryDto | undefined =>
      entries.find((e) => e.action === action);

    expect(find('POST /api/v1/reservations')).toMatchObject({
      actorType: 'operator',
      actorLabel: 'anna',
      target: orderId,
      outcome: expect.not.stringMatching(/^ok$/),
      ip: expect.stringMatching(/127\.0\.0\.1/),
      userAgent: 'audit-test',
      details: expect.objectContaining({ orderId, itemIds: [itemId] }),
    });
    expect(find('POST /api/v1/activities/:id/answers')).toMatchObject({
      actorLabel: 'anna',
      target: activityId,
      ip: expect.stringMatching(/127\.0\.0\.1/),
      details: { questionId, choice: 'abort' },
    });
    expect(find('POST /api/v1/webhooks')).toMatchObject({
      actorLabel: 'admin',
      target: webhook.id,
      outcome: 'ok',
      ip: expect.stringMatching(/127\.0\.0\.1/),
      details: { url: receiver.url, events: ['item.state_changed'] },
    });
    expect(JSON.stringify(log.body)).not.toContain('a-secret-never-logged');
    expect(JSON.stringify(log.body)).not.toContain(webhook.secret);
    await removeWebhook(webhook.id);
  });

  it('should page the audit log with a cursor and refuse a forged one', async () => {
    const first = await t.http.get('/api/v1/audit?limit=2').set('Cookie', admin).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await t.http
      .get(`/api/v1/audit?limit=2&cursor=${first.body.nextCursor}`)
      .set('Cookie', admin)
      .expect(200);
    const ids = [...first.body.items, ...second.body.items].map((e: AuditEntryDto) => e.id);

    expect(new Set(ids).size).toBe(ids.length);
    await t.http.get('/api/v1/audit?cursor=forged').set('Cookie', admin).expect(400);
  });
});

describe('webhook deliveries across a restart', () => {
  it('should send a delivery queued by a process that stopped before sending it', async () => {
    process.env.WEBHOOK_POLL_SECONDS = '0.05';
    const dataDir = mkdtempSync(join(tmpdir(), 'autobuy-webhooks-'));
    const receiver = await WebhookReceiver.start();
    try {
      // An API-only process queues deliveries but never sends them: it stands for a process
      // that went down between the item change and the first attempt.
      const first = await startTestApp({ dataDir, config: { role: 'api' } });
      const admin = await first.login();
      await first.http
        .post('/api/v1/webhooks')
        .set('Cookie', admin)
        .send({ url: receiver.url, events: ['item.state_changed'] })
        .expect(201);
      const order = await first.http
        .post('/api/v1/orders')
        .set('Cookie', admin)
        .send(importRequest('HOOK-RESTART'))
        .expect(201);
      await first.running.app.get(ItemStateChanges).publish({
        orderId: order.body.id,
        itemIds: [order.body.items[0].id],
        to: 'reserving',
      });
      await first.close({ keepData: true });
      expect(receiver.received).toHaveLength(0);

      const second = await startTestApp({ dataDir });
      try {
        await eventually(async () => receiver.received[0], 'the delivery after the restart');
        const body = JSON.parse(receiver.received[0].rawBody) as ItemStateChangedEventBody;

        expect(body.data).toMatchObject({ orderExternalId: 'HOOK-RESTART', to: 'reserving' });
      } finally {
        await second.close({ keepData: true });
      }
    } finally {
      await receiver.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
