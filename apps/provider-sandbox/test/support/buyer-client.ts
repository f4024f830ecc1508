import { startSandbox, type RunningSandbox } from '../../src/server';

// Replies are read loosely in tests; each assertion states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply {
  status: number;
  location: string | null;
  text: string;
  json: Json;
}

// A minimal browser stand-in over real HTTP: keeps cookies, never follows redirects, so tests
// see exactly what the Sandbox answered.
export class BuyerClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  get token(): string {
    return this.cookies.get('_tb_token_') ?? '';
  }

  async request(
    method: string,
    path: string,
    body?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name!);
      else this.cookies.set(name!, value);
    }
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }

    return { status: response.status, location: response.headers.get('location'), text, json };
  }

  get(path: string, headers?: Record<string, string>): Promise<Reply> {
    return this.request('GET', path, undefined, headers);
  }

  post(
    path: string,
    body: Record<string, unknown> = {},
    headers?: Record<string, string>,
  ): Promise<Reply> {
    return this.request('POST', path, { _tb_token_: this.token, ...body }, headers);
  }

  async login(login: string, password = 'sandbox123'): Promise<Reply> {
    return this.request('POST', '/newlogin/login.do', { loginId: login, password });
  }

  async addToCart(itemId: string, skuId: string, quantity = 1): Promise<string> {
    const reply = await this.post('/cart/add.do', { itemId, skuId, quantity });
    if (!reply.json?.success) throw new Error(`add to cart failed: ${reply.text}`);

    return reply.json.cartId as string;
  }

  async confirm(cartIds: string[]): Promise<Reply> {
    return this.post('/auction/order/confirm_order.htm?format=json', {
      cartIds: cartIds.join(','),
    });
  }

  async submit(orderToken: string, address: Record<string, string> = WAREHOUSE): Promise<Reply> {
    return this.post('/auction/order/submit_order.htm?format=json', { orderToken, ...address });
  }

  // Cart → confirm → submit; returns the submit reply.
  async buy(lines: Array<[itemId: string, skuId: string, quantity?: number]>): Promise<Reply> {
    const cartIds: string[] = [];
    for (const [itemId, skuId, quantity] of lines)
      cartIds.push(await this.addToCart(itemId, skuId, quantity));
    const confirm = await this.confirm(cartIds);
    if (!confirm.json?.success) return confirm;

    return this.submit(confirm.json.orderToken);
  }
}

export const WAREHOUSE = {
  fullName: '王鑫磊奇跡',
  mobile: '11147043234',
  divisionCode: '150784',
  post: '021400',
  addressDetail: '尚都国际小区东区9号楼23号车库',
};

export class ControlClient {
  constructor(readonly baseUrl: string) {}

  async call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Json }> {
    const response = await fetch(`${this.baseUrl}/__control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

    return { status: response.status, json: await response.json() };
  }

  get(path: string) {
    return this.call('GET', path);
  }

  post(path: string, body: unknown = {}) {
    return this.call('POST', path, body);
  }
}

export interface TestSandbox {
  sandbox: RunningSandbox;
  control: ControlClient;
  buyer(): BuyerClient;
  loggedIn(login?: string): Promise<BuyerClient>;
}

// One Sandbox per spec file on a free port; each test resets it to seed 1.
export function useSandbox(): TestSandbox {
  const handle = {} as TestSandbox;

  beforeAll(async () => {
    handle.sandbox = await startSandbox({ port: 0 });
    handle.control = new ControlClient(handle.sandbox.url);
    handle.buyer = () => new BuyerClient(handle.sandbox.url);
    handle.loggedIn = async (login = 'sandbox_buyer') => {
      const client = handle.buyer();
      const reply = await client.login(login);
      if (reply.status !== 302 || !client.cookies.has('unb'))
        throw new Error(`login failed: ${reply.status}`);

      return client;
    };
  });
  beforeEach(async () => {
    await handle.control.post('/reset', { seed: 1 });
  });
  afterAll(async () => {
    await handle.sandbox.close();
  });

  return handle;
}
