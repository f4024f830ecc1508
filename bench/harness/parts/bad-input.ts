// Bad input against the running topology: generated malformed requests over every route of the
// OpenAPI document, spread over both API processes, and malformed live events on each. Nothing
// may answer 5xx or accept a write, and the settings lists must be what they were before.
import {
  BAD_INPUT_USER_AGENT,
  routesFromOpenApi,
  sendBadRequests,
  sendBadSocketEvents,
} from '../../../apps/api/test/support/bad-requests';
import type { ApiEndpoint, HarnessContext, HarnessPart, PartResult } from '../part';

const SEED = 20261204;

interface AuditEntry {
  id: string;
  action: string;
  outcome: string;
  userAgent: string | null;
}

async function get<T>(api: ApiEndpoint, path: string): Promise<T> {
  const response = await fetch(`${api.url}/api/v1${path}`, {
    headers: { cookie: api.adminCookie },
  });
  if (!response.ok) {
    throw new Error(`GET ${path} answered ${response.status}`);
  }

  return (await response.json()) as T;
}

/** The settings an admin sees, without the times reads themselves move (last used, last seen). */
async function settings(api: ApiEndpoint): Promise<string> {
  const lists = await Promise.all(
    ['/operators', '/api-keys', '/webhooks', '/accounts', '/providers'].map((path) =>
      get<unknown>(api, path),
    ),
  );

  return JSON.stringify(lists, (name, value: unknown) =>
    name === 'lastUsedAt' || name === 'lastSeenAt' ? undefined : value,
  );
}

/** Audit entries newer than `sinceId` (newest first, paged by cursor). */
async function auditSince(api: ApiEndpoint, sinceId: string | null): Promise<AuditEntry[]> {
  const found: AuditEntry[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: { items: AuditEntry[]; nextCursor: string | null } = await get(
      api,
      `/audit?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    for (const entry of page.items) {
      if (entry.id === sinceId) {
        return found;
      }
      found.push(entry);
    }
    if (!page.nextCursor) {
      return found;
    }
    cursor = page.nextCursor;
  }
}

async function run(context: HarnessContext): Promise<PartResult> {
  const runs = context.small ? 200 : 1000;
  const apis = context.apis;
  const first = apis[0] as ApiEndpoint;
  const failures: string[] = [];
  const settingsBefore = await settings(first);
  const newestAudit = (await get<{ items: AuditEntry[] }>(first, '/audit?limit=1')).items[0];

  const routes = await routesFromOpenApi({ baseUrl: first.url, adminCookie: first.adminCookie });
  let requests = 0;
  let socketMessages = 0;
  const statusCounts: Record<string, number> = {};
  for (const [index, api] of apis.entries()) {
    const target = { baseUrl: api.url, adminCookie: api.adminCookie };
    const share = Math.ceil(runs / apis.length);
    context.log(`bad input: ${share} requests and ${share / 5} live events to ${api.url}`);
    const http = await sendBadRequests(target, routes, { runs: share, seed: SEED + index });
    const live = await sendBadSocketEvents(target, { runs: share / 5, seed: SEED + index });
    requests += http.requests;
    socketMessages += live.socketMessages;
    for (const [status, count] of Object.entries(http.statusCounts)) {
      statusCounts[status] = (statusCounts[status] ?? 0) + count;
    }
    failures.push(...http.failures.map((f) => `${api.url}: ${f}`));
    failures.push(...live.failures.map((f) => `${api.url} live: ${f}`));
  }

  if ((await settings(first)) !== settingsBefore) {
    failures.push('the settings lists (operators, keys, webhooks, accounts) changed');
  }
  const audited = (await auditSince(first, newestAudit?.id ?? null)).filter(
    (entry) => entry.userAgent === BAD_INPUT_USER_AGENT,
  );
  const done = audited.filter((entry) => entry.outcome === 'ok');
  failures.push(...done.map((entry) => `a malformed ${entry.action} was audited as done`));

  return {
    name: 'bad input',
    faults: requests + socketMessages,
    activities: 0,
    duplicates: 0,
    lost: done.length,
    stuck: 0,
    figures: {
      'bad requests': requests,
      'bad live events': socketMessages,
      'bad requests answered 4xx': statusCounts['4xx'] ?? 0,
      'bad requests answered 5xx': statusCounts['5xx'] ?? 0,
      'refusals audited': audited.length,
    },
    failures,
  };
}

export const badInputPart: HarnessPart = { name: 'bad input', run };
