/** The Sandbox's control API (`/__control`), as tests and the benchmark drive it. */
export class SandboxControl {
  constructor(readonly url: string) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/__control${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`Sandbox control ${method} ${path} answered ${response.status}: ${text}`);
    }

    return (text ? JSON.parse(text) : null) as T;
  }

  reset(seed = 1): Promise<unknown> {
    return this.call('POST', '/reset', { seed });
  }

  configure(config: Record<string, unknown>): Promise<unknown> {
    return this.call('POST', '/config', config);
  }

  fault(fault: { step: string; mode: 'fail' | 'hang' | 'error'; code?: string; login?: string }) {
    return this.call('POST', '/faults', fault);
  }

  updateAccount(login: string, change: Record<string, unknown>): Promise<unknown> {
    return this.call('PATCH', `/accounts/${encodeURIComponent(login)}`, change);
  }

  expireSessions(login: string): Promise<unknown> {
    return this.call('POST', '/sessions/expire', { login });
  }

  updateItem(itemId: string, change: Record<string, unknown>): Promise<unknown> {
    return this.call('PATCH', `/items/${itemId}`, change);
  }

  async smsCode(login: string): Promise<string> {
    const answer = await this.call<{ code: string }>(
      'GET',
      `/phone/sms?login=${encodeURIComponent(login)}`,
    );

    return answer.code;
  }

  confirmQr(login: string, action: 'scan' | 'confirm' | 'cancel'): Promise<unknown> {
    return this.call('POST', '/phone/qr', { login, action });
  }

  async orders(login: string): Promise<SandboxOrder[]> {
    const answer = await this.call<SandboxOrder[] | { orders: SandboxOrder[] }>(
      'GET',
      `/orders?login=${encodeURIComponent(login)}`,
    );

    return Array.isArray(answer) ? answer : answer.orders;
  }

  pay(orderNumber: string): Promise<unknown> {
    return this.call('POST', `/orders/${orderNumber}/pay`);
  }

  ship(orderNumber: string, expressId: string): Promise<unknown> {
    return this.call('POST', `/orders/${orderNumber}/ship`, { expressId, companyName: '中通快递' });
  }

  async requests(): Promise<SandboxRequest[]> {
    const answer = await this.call<SandboxRequest[] | { requests: SandboxRequest[] }>(
      'GET',
      '/requests',
    );

    return Array.isArray(answer) ? answer : answer.requests;
  }

  clearRequests(): Promise<unknown> {
    return this.call('DELETE', '/requests');
  }
}

export interface SandboxOrder {
  bizOrderId: string;
  login: string;
  sellerId: string;
  status: string;
  subOrders: { itemId: string; skuId: string; quantity: number }[];
}

export interface SandboxRequest {
  seq: number;
  method: string;
  path: string;
  area: 'buyer' | 'kitmall' | 'static';
  status: number;
  startMs: number;
  durationMs: number;
  account: string | null;
  injectedLatencyMs: number;
}
