// The harness's HTTP clients: the admin over the API processes (alternating between them, as an
// operator behind a round-robin proxy would) and the Sandbox's control API.
import type { ApiEndpoint } from './part';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    message: string,
  ) {
    super(message);
  }
}

async function send(url: string, method: string, headers: Record<string, string>, body?: unknown) {
  const init: RequestInit = {
    method,
    headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
  // A kept-alive socket closed by the server just as it is reused fails the request before it
  // was handled; reads are safe to send again.
  return fetch(url, init).catch((error: unknown) => {
    if (method === 'GET') {
      return fetch(url, init);
    }
    throw error;
  });
}

async function parse<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) {
    throw new HttpError(response.status, text, `${what} answered ${response.status}: ${text}`);
  }

  return (text ? JSON.parse(text) : null) as T;
}

export class AdminClient {
  private turn = 0;

  constructor(private readonly apis: ApiEndpoint[]) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const api = this.apis[this.turn++ % this.apis.length] as ApiEndpoint;
    const response = await send(
      `${api.url}/api/v1${path}`,
      method,
      { Cookie: api.adminCookie },
      body,
    );

    return parse<T>(response, `${method} ${path}`);
  }
}

export class SandboxControl {
  constructor(readonly url: string) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await send(`${this.url}/__control${path}`, method, {}, body);

    return parse<T>(response, `Sandbox ${method} ${path}`);
  }
}

/** Logs the admin in on one API process; the cookie is that process's to accept. */
export async function adminLogin(url: string, login: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (!response.ok) {
    throw new Error(`admin login at ${url} answered ${response.status}`);
  }

  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
