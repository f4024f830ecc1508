// Malformed requests for every route and live event, generated with fast-check from a fixed seed.
// Shared by the jest suite (an in-process app) and the fault harness (the running topology): both
// send the same kinds of requests over real HTTP and sockets and collect broken promises.
import { LIVE_EVENTS, WORKFLOW_LIVE_EVENTS } from '@autobuy/contracts';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';

export interface Route {
  method: string;
  /** Express pattern, `:id` for parameters. */
  path: string;
}

export interface BadRequest {
  route: Route;
  path: string;
  query: string;
  contentType: string | null;
  body: string | null;
  auth: 'admin' | 'none' | 'forged';
}

export interface BadInputReport {
  requests: number;
  socketMessages: number;
  statusCounts: Record<string, number>;
  failures: string[];
}

/** Sent with every generated request, so its audit rows can be told apart from others'. */
export const BAD_INPUT_USER_AGENT = 'autobuy-bad-input';

// Routes that would end the session the run relies on, whatever their input.
const SKIPPED = new Set(['POST /api/v1/auth/logout']);

const ODD_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '../../etc/passwd',
  '%00',
  '%FF',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '😀'.repeat(50),
  'я'.repeat(300),
  'x'.repeat(5000),
  '00000000-0000-4000-8000-000000000000',
];

const FIELD_NAMES = [
  'login',
  'password',
  'role',
  'disabled',
  'name',
  'scopes',
  'externalId',
  'items',
  'customer',
  'quantity',
  'price',
  'provider',
  'accountId',
  'orderId',
  'itemIds',
  'note',
  'enabled',
  'url',
  'events',
  'answer',
  'questionId',
  'choice',
  'limit',
  'cursor',
  'state',
  'kind',
  'q',
  'priceTolerancePercent',
];

const oddString = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.string(),
  fc.string({ unit: 'binary' }),
);
const oddScalar = fc.oneof(
  oddString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 2 ** 53 + 1),
);
const oddValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    oddScalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...FIELD_NAMES, '__proto__', 'constructor'), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;
const oddObject = fc.dictionary(fc.constantFrom(...FIELD_NAMES), oddValue, { maxKeys: 6 });

const body = fc.oneof(
  oddObject.map((value) => JSON.stringify(value)),
  oddValue.map((value) => JSON.stringify(value) ?? 'null'),
  fc.constantFrom('{"login": ', '{', '[1, 2', '"unterminated', '{"a":1}{"b":2}', ''),
  fc.string({ maxLength: 200 }),
  fc.constant(null),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin-9',
  null,
);

const queryPart = fc.tuple(
  fc.constantFrom(...FIELD_NAMES, 'afterSeq', 'x'),
  oddString,
  fc.boolean(),
);
const query = fc
  .array(queryPart, { maxLength: 4 })
  .map((parts) =>
    parts
      .map(([name, value, asArray]) =>
        asArray
          ? `${name}[]=${encodeURIComponent(value)}&${name}[]=1`
          : `${name}=${encodeURIComponent(value)}`,
      )
      .join('&'),
  );

function pathOf(route: Route, param: string): string {
  return route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(param) || '%20');
}

/** One malformed request for one of `routes`. */
export function badRequest(routes: Route[]): fc.Arbitrary<BadRequest> {
  const usable = routes.filter((r) => !SKIPPED.has(`${r.method} ${r.path}`));

  return fc
    .record({
      route: fc.constantFrom(...usable),
      param: oddString,
      query,
      contentType,
      body,
      auth: fc.constantFrom('admin', 'admin', 'admin', 'admin', 'none', 'forged'),
    })
    .map(({ route, param, ...rest }) => ({
      ...rest,
      route,
      path: pathOf(route, param),
      auth: rest.auth as BadRequest['auth'],
    }));
}

export interface Target {
  baseUrl: string;
  /** Cookie header value of a logged-in admin. */
  adminCookie: string;
}

/** Sends one request; returns its status, or the network error text. */
async function send(target: Target, request: BadRequest): Promise<number | string> {
  const headers: Record<string, string> = { 'user-agent': BAD_INPUT_USER_AGENT };
  if (request.contentType) {
    headers['content-type'] = request.contentType;
  }
  if (request.auth === 'admin') {
    headers.cookie = target.adminCookie;
  } else if (request.auth === 'forged') {
    headers.cookie = 'autobuy_session=forged-token';
  }
  const withBody = request.route.method !== 'GET' && request.body !== null;
  const url = `${target.baseUrl}${request.path}${request.query ? `?${request.query}` : ''}`;
  try {
    const response = await fetch(url, {
      method: request.route.method,
      headers,
      body: withBody ? request.body : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();

    return response.status;
  } catch (error) {
    return `network error: ${(error as Error).message}`;
  }
}

/**
 * Sends `runs` generated requests one at a time; a 5xx, a network error or a 2xx on a write
 * (something was accepted) is a failure. A request whose path is a read is allowed to succeed.
 */
export async function sendBadRequests(
  target: Target,
  routes: Route[],
  options: { runs: number; seed: number },
): Promise<Omit<BadInputReport, 'socketMessages'>> {
  const statusCounts: Record<string, number> = {};
  const failures: string[] = [];
  let requests = 0;
  await fc.assert(
    fc.asyncProperty(badRequest(routes), async (request) => {
      requests += 1;
      const status = await send(target, request);
      const label = typeof status === 'number' ? `${Math.floor(status / 100)}xx` : 'error';
      statusCounts[label] = (statusCounts[label] ?? 0) + 1;
      const accepted = typeof status === 'number' && status < 300 && request.route.method !== 'GET';
      if (typeof status !== 'number' || status >= 500 || accepted) {
        failures.push(
          `${request.route.method} ${request.path}${request.query ? `?${request.query}` : ''} ` +
            `(${request.contentType ?? 'no type'}, ${request.auth}) body ` +
            `${JSON.stringify(request.body)?.slice(0, 200)} → ${status}`,
        );
      }
    }),
    { numRuns: options.runs, seed: options.seed, endOnFailure: true },
  );

  return { requests, statusCounts, failures };
}

const UNKNOWN_EVENT = 'no.such.event';

const LIVE_CLIENT_EVENTS = [
  LIVE_EVENTS.subscribe,
  LIVE_EVENTS.unsubscribe,
  WORKFLOW_LIVE_EVENTS.loginAttach,
  WORKFLOW_LIVE_EVENTS.loginInput,
  UNKNOWN_EVENT,
];

function connectSocket(target: Target): Promise<Socket> {
  const socket = io(target.baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { cookie: target.adminCookie },
  });

  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/**
 * Emits `runs` generated payloads on the live channel's client events with an ack. The server
 * must answer each acked event it knows (an `ok: false` answer is fine) and keep the socket open.
 */
export async function sendBadSocketEvents(
  target: Target,
  options: { runs: number; seed: number },
): Promise<{ socketMessages: number; failures: string[] }> {
  const failures: string[] = [];
  let socketMessages = 0;
  const socket = await connectSocket(target);
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...LIVE_CLIENT_EVENTS),
        fc.oneof(oddValue, oddObject),
        async (event, payload) => {
          socketMessages += 1;
          if (event === UNKNOWN_EVENT) {
            // Nobody handles it, so nothing answers; the socket must simply stay open.
            socket.emit(event, payload);
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          const answered =
            event === UNKNOWN_EVENT ||
            (await socket
              .timeout(3_000)
              .emitWithAck(event, payload)
              .then(
                () => true,
                () => false,
              ));
          // Known events must answer, even to refuse.
          if (!socket.connected || !answered) {
            failures.push(
              `${event} ${JSON.stringify(payload)?.slice(0, 200)} → ` +
                `${socket.connected ? 'no answer' : 'socket closed'}`,
            );
          }
        },
      ),
      { numRuns: options.runs, seed: options.seed, endOnFailure: true },
    );
  } finally {
    socket.disconnect();
  }

  return { socketMessages, failures };
}

/** Every API route of the OpenAPI document, as Express patterns (`{id}` → `:id`). */
export async function routesFromOpenApi(target: Target): Promise<Route[]> {
  const response = await fetch(`${target.baseUrl}/api/docs-json`, {
    headers: { cookie: target.adminCookie },
  });
  if (!response.ok) {
    throw new Error(`The OpenAPI document answered ${response.status}`);
  }
  const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };

  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({
      method: method.toUpperCase(),
      path: path.replace(/\{([A-Za-z]+)\}/g, ':$1'),
    })),
  );
}
