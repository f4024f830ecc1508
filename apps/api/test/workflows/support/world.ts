import type {
  ActivityDetailDto,
  ImportOrderItemRequest,
  OrderDto,
  ProviderSessionDto,
} from '@autobuy/contracts';

import { ProviderAdapters } from '../../../src/sessions/provider-adapters';
import { SessionRecords } from '../../../src/sessions/session-records';
import { startTestApp, type TestApp } from '../../support/test-app';
import { SANDBOX_PASSWORD, type Sandbox, startSandbox } from '../../support/sandbox';

export const WAREHOUSE = {
  recipientName: '王鑫磊奇跡',
  mobilePhone: '11147043234',
  regionCode: '150784',
  zipCode: '021400',
  address: '尚都国际小区东区9号楼23号车库',
};

interface CatalogueItem {
  itemId: string;
  sellerId: string;
  shopName: string;
  title: string;
  isTmall: boolean;
  buyEnable: boolean;
  props: { pid: string; name: string; values: { vid: string; name: string }[] }[];
  skus: { skuId: string; propPath: string; price: string; stock: number }[];
}

const FINAL_OR_WAITING = new Set([
  'succeeded',
  'partly_succeeded',
  'failed',
  'aborted',
  'cancelled',
  'waiting_for_operator',
]);

/** One Sandbox, one app, one admin login, shared by a test file. */
export class World {
  private orderSeq = 0;
  private catalogue: CatalogueItem[] = [];

  private constructor(
    readonly sandbox: Sandbox,
    readonly app: TestApp,
    readonly admin: string,
  ) {}

  static async start(options: { dataDir?: string } = {}): Promise<World> {
    const sandbox = await startSandbox();
    const app = await startTestApp({
      dataDir: options.dataDir,
      config: {
        sandboxUrl: sandbox.url,
        kitmallUrl: `${sandbox.url}/kitmall/api/v1`,
        syncIntervalMs: 3_600_000,
      },
    });
    const admin = await app.login();
    const world = new World(sandbox, app, admin);
    await app.http
      .put('/api/v1/providers/sandbox/warehouse-profile')
      .set('Cookie', admin)
      .send(WAREHOUSE)
      .expect(200);
    world.catalogue = (await sandbox.control<{ items: CatalogueItem[] }>('GET', '/items')).items;

    return world;
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.sandbox.stop();
  }

  get http() {
    return this.app.http;
  }

  /** Catalogue items a test can buy: not Tmall, buyable, by seller. */
  buyable(count: number, options: { distinctSellers?: boolean; tmall?: boolean } = {}) {
    const seen = new Set<string>();
    const picked: CatalogueItem[] = [];
    for (const item of this.catalogue) {
      if (item.isTmall !== (options.tmall ?? false) || !item.buyEnable || item.skus.length === 0) {
        continue;
      }
      if (options.distinctSellers && seen.has(item.sellerId)) {
        continue;
      }
      seen.add(item.sellerId);
      picked.push(item);
      if (picked.length === count) {
        break;
      }
    }

    return picked;
  }

  /** An order line for a catalogue item's first SKU, as the shop would send it. */
  line(
    item: CatalogueItem,
    externalId: string,
    quantity = 1,
    skuIndex = 0,
  ): ImportOrderItemRequest {
    const sku = item.skus[skuIndex] ?? item.skus[0];
    if (!sku) {
      throw new Error(`item ${item.itemId} has no SKU`);
    }
    const names = new Map(
      item.props.flatMap((prop) =>
        prop.values.map((value) => [`${prop.pid}:${value.vid}`, `${prop.name}:${value.name}`]),
      ),
    );

    return {
      externalId,
      provider: 'sandbox',
      providerItemId: item.itemId,
      skuId: sku.skuId,
      configuration: sku.propPath
        .split(';')
        .map((part) => names.get(part) ?? part)
        .join('; '),
      title: item.title,
      quantity,
      unitPrice: sku.price,
      currency: 'CNY',
      sellerId: item.sellerId,
      sellerName: item.shopName,
      isTmall: item.isTmall,
    };
  }

  async importOrder(lines: ImportOrderItemRequest[]): Promise<OrderDto> {
    const response = await this.http
      .post('/api/v1/orders')
      .set('Cookie', this.admin)
      .send({
        externalId: `wf-${Date.now()}-${++this.orderSeq}`,
        customerName: 'Test',
        items: lines,
      })
      .expect(201);

    return response.body as OrderDto;
  }

  async order(id: string): Promise<OrderDto> {
    return (await this.http.get(`/api/v1/orders/${id}`).set('Cookie', this.admin).expect(200))
      .body as OrderDto;
  }

  async addAccount(login: string, dealLimit?: number): Promise<string> {
    await this.sandbox
      .control('POST', '/accounts', {
        login,
        password: SANDBOX_PASSWORD,
        challenge: 'none',
        dealLimit,
      })
      .catch(() => undefined);
    const response = await this.http
      .post('/api/v1/accounts')
      .set('Cookie', this.admin)
      .send({ provider: 'sandbox', login })
      .expect(201);

    return (response.body as { id: string }).id;
  }

  /** Logs the account in with the Sandbox's password form in the app's own browser pool. */
  async session(login: string): Promise<ProviderSessionDto> {
    const pool = this.app.running.app.get(ProviderAdapters).browserPool();
    const context = await pool.acquire(`login-${login}`, null);
    try {
      await context.step('login', async (page) => {
        await page.goto(`${this.sandbox.url}/member/login.jhtml`);
        await page.type('#fm-login-id', login);
        await page.type('#fm-login-password', SANDBOX_PASSWORD);
        await Promise.all([page.waitForNavigation(), page.click('#fm-login-submit')]);
      });
      const snapshot = await context.snapshot();
      const result = await this.app.running.app
        .get(SessionRecords)
        .completeLogin('sandbox', login, snapshot);
      if (!result.ok) {
        throw new Error(result.reason);
      }

      return result.session;
    } finally {
      await context.release();
    }
  }

  async activity(id: string): Promise<ActivityDetailDto> {
    return (await this.http.get(`/api/v1/activities/${id}`).set('Cookie', this.admin).expect(200))
      .body as ActivityDetailDto;
  }

  /** Polls until the activity ends or asks the operator. */
  async settle(id: string, timeoutMs = 90_000): Promise<ActivityDetailDto> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const activity = await this.activity(id);
      if (
        FINAL_OR_WAITING.has(activity.state) &&
        (activity.state !== 'waiting_for_operator' || activity.openQuestion)
      ) {
        return activity;
      }
      if (Date.now() > deadline) {
        throw new Error(`activity ${id} is still ${activity.state} at step ${activity.step}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  /** Polls until the activity is running the named step (for a cancel mid-run). */
  async runningStep(id: string, step: string, timeoutMs = 90_000): Promise<ActivityDetailDto> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const activity = await this.activity(id);
      if (activity.state === 'running' && activity.step === step) {
        return activity;
      }
      if (Date.now() > deadline) {
        throw new Error(`activity ${id} never ran step ${step} (${activity.state})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Cancels as the admin, then waits until the activity has ended. */
  async cancel(id: string): Promise<ActivityDetailDto> {
    await this.http.post(`/api/v1/activities/${id}/cancel`).set('Cookie', this.admin).expect(200);

    return this.settle(id);
  }

  async answer(activity: ActivityDetailDto, choice: string): Promise<ActivityDetailDto> {
    const question = activity.openQuestion;
    if (!question) {
      throw new Error(`activity ${activity.id} asks nothing (${activity.state})`);
    }
    await this.http
      .post(`/api/v1/activities/${activity.id}/answers`)
      .set('Cookie', this.admin)
      .send({ questionId: question.id, choice })
      .expect(200);

    return this.settle(activity.id);
  }

  reserve(orderId: string, itemIds: string[], sessionId: string) {
    return this.http
      .post('/api/v1/reservations')
      .set('Cookie', this.admin)
      .send({ orderId, itemIds, sessionId });
  }
}
