import type { NextFunction, Request, Response } from 'express';

import type { RequestArea, RequestLogEntry } from '../state/types';
import { sendProviderError, systemError, wantsJson } from './context';
import type { SandboxRuntime } from './runtime';

const MAX_LOG_ENTRIES = 50_000;

function areaOf(path: string): RequestArea {
  if (path.startsWith('/kitmall/')) return 'kitmall';
  if (path.startsWith('/img/') || path === '/favicon.ico') return 'static';

  return 'buyer';
}

function latencyFor(runtime: SandboxRuntime, path: string): number {
  const config = runtime.state.config;
  const rule = config.latencyRules.find((candidate) => path.startsWith(candidate.pathPrefix));

  return rule ? rule.ms : config.latencyMs;
}

// A drawn 5xx in the format the caller reads: the Kitmall error body, provider JSON, or a page.
function answerDrawnError(req: Request, res: Response, area: RequestArea): void {
  if (area === 'kitmall') {
    res
      .status(500)
      .json({ error: { code: 'SYSTEM_ERROR', message: 'System busy, try again later' } });

    return;
  }
  sendProviderError(req, res, systemError(), wantsJson(req) || req.path.endsWith('.do'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Logs every buyer-site and Kitmall request, then applies the injected latency and the drawn
// 5xx errors and timeouts. Control calls never pass through here.
export function trafficMiddleware(runtime: SandboxRuntime) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const state = runtime.state;
    const startMs = Date.now();
    const injectedLatencyMs = latencyFor(runtime, req.path);
    const entry: RequestLogEntry = {
      seq: state.nextRequestSeq(),
      method: req.method,
      path: req.originalUrl,
      area: areaOf(req.path),
      status: 0,
      startMs,
      durationMs: null,
      account: null,
      injectedLatencyMs,
    };
    state.requests.push(entry);
    // A bounded log: a long-running demo must not grow without end.
    if (state.requests.length > MAX_LOG_ENTRIES) state.requests.shift();
    const log = state.requests;
    res.on('close', () => {
      // A reset in between replaced the log; this request belongs to the old one.
      if (state.requests !== log) return;
      entry.status = res.writableFinished ? res.statusCode : 0;
      entry.durationMs = Date.now() - startMs;
      entry.account = (res.locals['accountLogin'] as string | undefined) ?? null;
    });

    if (injectedLatencyMs > 0) await sleep(injectedLatencyMs);

    if (state.random.chance(state.config.timeoutRate)) {
      runtime.hold(res);

      return;
    }
    if (state.random.chance(state.config.errorRate)) {
      answerDrawnError(req, res, entry.area);

      return;
    }

    next();
  };
}
