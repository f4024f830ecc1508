// A small load generator: N virtual users, each sending its next request as soon as the last one
// answered, over keep-alive connections. Latencies are kept per endpoint for percentiles.
import { Agent, request } from 'node:http';

export interface LoadRequest {
  /** Endpoint name the latency is reported under, e.g. `GET /orders`. */
  endpoint: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface EndpointFigures {
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface LoadFigures extends Omit<EndpointFigures, 'requests' | 'errors'> {
  requests: number;
  errors: number;
  rps: number;
  perEndpoint: Record<string, EndpointFigures>;
}

/** The value below which `share` of the sorted samples lie (nearest rank). */
export function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  const rank = Math.ceil(share * sorted.length) - 1;

  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

function figuresOf(samples: number[], errors: number): EndpointFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;

  return {
    requests: samples.length,
    errors,
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    p99Ms: round(percentile(sorted, 0.99)),
  };
}

function send(agent: Agent, baseUrl: URL, next: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: baseUrl.hostname,
        port: baseUrl.port,
        method: next.method,
        path: next.path,
        headers: next.body ? { ...next.headers, 'content-type': 'application/json' } : next.headers,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(next.body);
  });
}

/**
 * Runs `total` requests from `users` virtual users; `pick(n)` names the n-th request. A request
 * answering other than 2xx counts as an error and its latency is left out.
 */
export async function runVirtualUsers(options: {
  baseUrl: string;
  users: number;
  total: number;
  pick: (n: number) => LoadRequest;
}): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.users });
  const baseUrl = new URL(options.baseUrl);
  const samples = new Map<string, number[]>();
  const errors = new Map<string, number>();
  let issued = 0;
  const started = performance.now();

  const user = async (): Promise<void> => {
    while (issued < options.total) {
      const next = options.pick(issued);
      issued += 1;
      const sent = performance.now();
      const status = await send(agent, baseUrl, next).catch(() => 0);
      const elapsed = performance.now() - sent;
      if (status >= 200 && status < 300) {
        const list = samples.get(next.endpoint) ?? [];
        list.push(elapsed);
        samples.set(next.endpoint, list);
      } else {
        errors.set(next.endpoint, (errors.get(next.endpoint) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: options.users }, () => user()));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();

  const perEndpoint: Record<string, EndpointFigures> = {};
  for (const endpoint of new Set([...samples.keys(), ...errors.keys()])) {
    perEndpoint[endpoint] = figuresOf(samples.get(endpoint) ?? [], errors.get(endpoint) ?? 0);
  }
  const all = figuresOf(
    [...samples.values()].flat(),
    [...errors.values()].reduce((a, b) => a + b, 0),
  );

  return { ...all, rps: Math.round((all.requests / seconds) * 10) / 10, perEndpoint };
}
