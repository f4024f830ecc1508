import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  url: string;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

export interface MockAnswer {
  status: number;
  body?: unknown;
}

type Handler = (request: RecordedRequest) => MockAnswer;

/**
 * Stands in for the API in unit tests: each key is "METHOD /path" (query string ignored), each
 * answer a status and JSON body. An unexpected call fails loudly with a 599.
 */
export function mockApi(handlers: Record<string, Handler | MockAnswer>) {
  const requests: RecordedRequest[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const request = { method, url, body, credentials: init?.credentials };
    requests.push(request);

    const path = url.split('?')[0];
    const handler = handlers[`${method} ${path}`];
    const answer: MockAnswer = !handler
      ? { status: 599, body: { code: 'unmocked', message: `${method} ${path} is not mocked` } }
      : typeof handler === 'function'
        ? handler(request)
        : handler;
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);

    return new Response(answer.status === 204 ? null : text, {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);

  return { requests };
}
