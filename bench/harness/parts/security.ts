// Security against the running topology, on each API process: every non-public route refuses a
// call without credentials and with forged ones, the live channel refuses bad tokens, each API-key
// scope opens exactly its routes, and failed logins are counted across both processes together.
import { randomBytes } from 'node:crypto';

import { API_KEY_HEADER, API_KEY_SCOPES, LIVE_REFUSALS } from '@autobuy/contracts';
import { io } from 'socket.io-client';

import { OPENED_BY_SCOPE, PUBLIC_ROUTES } from '../../../apps/api/test/support/api-key-scopes';
import { type Route, routesFromOpenApi } from '../../../apps/api/test/support/bad-requests';
import type { ApiEndpoint, HarnessContext, HarnessPart, PartResult } from '../part';

const ANY_ID = '00000000-0000-4000-8000-000000000000';
const MAX_FAILED_LOGINS = 5;

const label = (route: Route): string => `${route.method} ${route.path}`;
const urlOf = (api: ApiEndpoint, route: Route): string =>
  `${api.url}${route.path.replace(/:[A-Za-z]+/g, ANY_ID)}`;

async function status(url: string, method: string, headers: Record<string, string>) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: method === 'GET' ? undefined : '{}',
  });
  await response.arrayBuffer();

  return response.status;
}

/** What a socket handshake with these credentials ends in: `connected` or the refusal. */
function handshake(api: ApiEndpoint, cookie: string | null, token?: string): Promise<string> {
  const socket = io(api.url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: cookie ? { cookie } : {},
    auth: token === undefined ? {} : { token },
  });

  return new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  }).finally(() => socket.disconnect());
}

async function admin<T>(api: ApiEndpoint, method: string, path: string, body?: unknown) {
  const response = await fetch(`${api.url}/api/v1${path}`, {
    method,
    headers: { cookie: api.adminCookie, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}`);
  }

  return (response.status === 204 ? null : await response.json()) as T;
}

async function run(context: HarnessContext): Promise<PartResult> {
  const failures: string[] = [];
  const first = context.apis[0] as ApiEndpoint;
  const routes = (
    await routesFromOpenApi({ baseUrl: first.url, adminCookie: first.adminCookie })
  ).filter((route) => route.path.startsWith('/api/v1/') && !PUBLIC_ROUTES.has(label(route)));
  let probes = 0;

  // Without credentials, with a forged session cookie, with an unknown API key: 401 everywhere.
  const strangers: Array<[string, Record<string, string>]> = [
    ['no credentials', {}],
    ['a forged cookie', { cookie: `autobuy_session=${randomBytes(24).toString('base64url')}` }],
    ['an unknown key', { [API_KEY_HEADER]: `ak_${randomBytes(24).toString('hex')}` }],
  ];
  for (const api of context.apis) {
    for (const route of routes) {
      for (const [who, headers] of strangers) {
        probes += 1;
        const answer = await status(urlOf(api, route), route.method, headers);
        if (answer !== 401) {
          failures.push(`${api.url} ${label(route)} with ${who} answered ${answer}, not 401`);
        }
      }
    }
    for (const [who, cookie, token] of [
      ['no credentials', null, undefined],
      ['a forged cookie', 'autobuy_session=forged', undefined],
      ['a forged token', null, randomBytes(24).toString('base64url')],
    ] as const) {
      probes += 1;
      const outcome = await handshake(api, cookie, token);
      if (outcome !== LIVE_REFUSALS.unauthenticated) {
        failures.push(`${api.url} live channel with ${who}: ${outcome}`);
      }
    }
  }

  // Each single-scope key opens exactly its routes, on either process.
  const keys: Array<{ id: string; key: string; scope: string }> = [];
  for (const scope of API_KEY_SCOPES) {
    const created = await admin<{ id: string; key: string }>(first, 'POST', '/api-keys', {
      name: `harness ${scope}`,
      scopes: [scope],
    });
    keys.push({ ...created, scope });
  }
  try {
    for (const [index, entry] of keys.entries()) {
      const api = context.apis[index % context.apis.length] as ApiEndpoint;
      const opened: string[] = [];
      for (const route of routes) {
        probes += 1;
        const answer = await status(urlOf(api, route), route.method, {
          [API_KEY_HEADER]: entry.key,
        });
        if (answer === 401) {
          failures.push(`${label(route)} refused a live ${entry.scope} key as unauthenticated`);
        } else if (answer !== 403) {
          opened.push(label(route));
        }
      }
      const expected = OPENED_BY_SCOPE[entry.scope as keyof typeof OPENED_BY_SCOPE];
      const extra = opened.filter((r) => !expected.includes(r));
      const missing = expected.filter((r) => !opened.includes(r));
      if (extra.length + missing.length > 0) {
        failures.push(
          `${entry.scope} key: opens ${extra.join(', ') || 'nothing extra'}; ` +
            `closed ${missing.join(', ') || 'nothing expected'}`,
        );
      }
    }
  } finally {
    for (const entry of keys) {
      await admin(first, 'DELETE', `/api-keys/${entry.id}`).catch(() => undefined);
    }
  }

  // Failed logins alternate between the processes; the sixth attempt is refused on either.
  const login = `nobody-${randomBytes(4).toString('hex')}`;
  const attempt = (api: ApiEndpoint) =>
    fetch(`${api.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: 'wrong password' }),
    }).then((response) => response.status);
  const answers: number[] = [];
  for (let i = 0; i < MAX_FAILED_LOGINS + 1; i += 1) {
    answers.push(await attempt(context.apis[i % context.apis.length] as ApiEndpoint));
  }
  probes += answers.length;
  const expected = [...new Array<number>(MAX_FAILED_LOGINS).fill(401), 429];
  if (answers.join() !== expected.join()) {
    failures.push(`failed logins over ${context.apis.length} processes answered ${answers.join()}`);
  }

  return {
    name: 'security',
    faults: probes,
    activities: 0,
    duplicates: 0,
    lost: 0,
    stuck: 0,
    figures: { 'security probes': probes, 'routes checked': routes.length },
    failures,
  };
}

export const securityPart: HarnessPart = { name: 'security', run };
