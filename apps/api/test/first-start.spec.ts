import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { OrderDto, OrderSummaryDto } from '@autobuy/contracts';

import { bootstrap } from '../src/app/bootstrap';
import { startTestApp, testConfig } from './support/test-app';

describe('first start', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'autobuy-first-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should create admin with a random password printed once in a box, then never again', async () => {
    const printed: string[] = [];
    const output = (text: string): void => {
      printed.push(text);
    };

    const first = await startTestApp({ dataDir, output, config: { adminPassword: null } });
    expect(printed).toHaveLength(1);
    const box = printed[0];
    expect(box).toMatch(/^\+-+\+$/m);
    expect(box).toContain('login:    admin');
    const password = /password: (\S+)/.exec(box)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    await first.login('admin', password);
    await first.close({ keepData: true });

    const second = await startTestApp({ dataDir, output, config: { adminPassword: null } });
    expect(printed).toHaveLength(1);
    await second.login('admin', password);
    await second.close({ keepData: true });
  });

  it('should take the first password from ADMIN_PASSWORD and not print it', async () => {
    const printed: string[] = [];
    const app = await startTestApp({
      dataDir,
      output: (text) => printed.push(text),
      config: { adminPassword: 'from-the-environment-1' },
    });

    expect(printed.join('')).toContain('the value of ADMIN_PASSWORD');
    expect(printed.join('')).not.toContain('from-the-environment-1');
    await app.login('admin', 'from-the-environment-1');
    await app.close({ keepData: true });
  });

  it('should seed demo data on a fresh SQLite install, once, with the Sandbox fixture ids', async () => {
    const first = await startTestApp({ dataDir, config: { demoData: null } });
    const admin = await first.login();

    const accounts = await first.http.get('/api/v1/accounts?provider=sandbox').set('Cookie', admin);
    expect(accounts.body.map((a: { login: string }) => a.login)).toEqual(['sandbox_buyer']);
    const list = await first.http.get('/api/v1/orders').set('Cookie', admin).expect(200);
    const orders = list.body.items as OrderSummaryDto[];
    expect(orders.map((o) => o.externalId).sort()).toEqual(['DEMO-1001', 'DEMO-1002', 'DEMO-1003']);

    const details = await Promise.all(
      orders.map(async (o) => {
        const response = await first.http.get(`/api/v1/orders/${o.id}`).set('Cookie', admin);

        return response.body as OrderDto;
      }),
    );
    const items = details.flatMap((d) => d.items);
    expect(items.filter((i) => i.isTmall).map((i) => i.sellerName)).toEqual(['小米官方旗舰店']);
    expect(new Set(items.map((i) => i.sellerId)).size).toBe(3);
    const tshirt = items.find((i) => i.skuId === '60000000000103');
    expect(tshirt).toMatchObject({
      providerItemId: '600000000001',
      configuration: '颜色分类:黑色; 尺码:XL',
      pictureUrl: 'http://127.0.0.1:3100/img/item/600000000001.svg',
      itemUrl: 'http://127.0.0.1:3100/item.htm?id=600000000001',
    });
    expect(items.find((i) => i.isTmall)?.itemUrl).toBe(
      'http://127.0.0.1:3100/detail.tmall/item.htm?id=600000000005',
    );
    await first.close({ keepData: true });

    // A restart with DEMO_DATA forced on repeats the seeding without duplicating anything.
    const second = await startTestApp({ dataDir, config: { demoData: true } });
    const again = await second.http.get('/api/v1/orders').set('Cookie', await second.login());
    expect(again.body.items).toHaveLength(3);
    await second.close({ keepData: true });
  });

  it('should not seed demo data when DEMO_DATA is off', async () => {
    const app = await startTestApp({ dataDir, config: { demoData: false } });
    const list = await app.http.get('/api/v1/orders').set('Cookie', await app.login());

    expect(list.body.items).toEqual([]);
    await app.close({ keepData: true });
  });

  it('should start the worker role without an HTTP server', async () => {
    const running = await bootstrap(testConfig(dataDir, { role: 'worker' }));

    expect(running.url).toBeNull();
    expect(running.startup.firstAdmin.created).toBe(true);
    await running.close();
  });
});
