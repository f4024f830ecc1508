import { Router, type NextFunction, type Request, type Response } from 'express';

import { badRequest, parseConfigPatch } from '../state/control-input';
import { ProviderError } from '../state/errors';
import { sweepAutoClose } from '../state/orders';
import type { FaultMode } from '../state/types';
import { FAULT_STEPS, type FaultStep } from '../http/faults';
import type { SandboxRuntime } from '../http/runtime';
import { controlAccountRoutes } from './control-accounts';
import { controlCatalogueRoutes } from './control-catalogue';
import { controlOrderRoutes } from './control-orders';

type Body = Record<string, unknown>;
const body = (req: Request): Body => (req.body ?? {}) as Body;
const FAULT_MODES: FaultMode[] = ['fail', 'hang', 'error'];

// The control API: tests, benchmarks and demos drive and inspect the simulator through it.
export function controlRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  router.use((_req, _res, next) => {
    sweepAutoClose(state);
    next();
  });

  router.use(controlAccountRoutes(runtime));
  router.use(controlCatalogueRoutes(runtime));
  router.use(controlOrderRoutes(runtime));

  router.post('/reset', (req, res) => {
    const seed = body(req)['seed'] ?? 1;
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0)
      throw badRequest('seed must be an integer ≥ 0');
    runtime.reset(seed);
    res.json({
      ok: true,
      seed,
      items: state.catalogue.items.size,
      sellers: state.catalogue.sellers.size,
    });
  });

  router.get('/state', (_req, res) => {
    res.json({
      seed: state.seed,
      nowMs: state.now(),
      config: state.config,
      counts: {
        sellers: state.catalogue.sellers.size,
        items: state.catalogue.items.size,
        accounts: state.accounts.size,
        orders: state.orders.size,
        requests: state.requests.length,
      },
    });
  });

  router.post('/config', (req, res) => {
    Object.assign(state.config, parseConfigPatch(body(req)));
    res.json({ ok: true, config: state.config });
  });

  router.post('/clock/advance', (req, res) => {
    const ms = body(req)['ms'];
    if (typeof ms !== 'number' || ms < 0) throw badRequest('ms must be a number ≥ 0');
    state.clock.advance(ms);
    sweepAutoClose(state);
    res.json({ ok: true, nowMs: state.now() });
  });

  router.get('/faults', (_req, res) => res.json({ faults: state.faults, steps: FAULT_STEPS }));
  router.delete('/faults', (_req, res) => {
    state.faults = [];
    res.json({ ok: true });
  });
  router.post('/faults', (req, res) => {
    const input = body(req);
    const step = input['step'];
    const mode = input['mode'] ?? 'fail';
    const times = input['times'] ?? 1;
    if (!FAULT_STEPS.includes(step as FaultStep))
      throw badRequest(`step must be one of ${FAULT_STEPS.join(', ')}`);
    if (!FAULT_MODES.includes(mode as FaultMode))
      throw badRequest('mode must be fail, hang or error');
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 1)
      throw badRequest('times must be an integer ≥ 1');
    const login = input['login'] ?? null;
    if (login !== null && (typeof login !== 'string' || !state.accounts.has(login)))
      throw badRequest('login must name an account');
    const code = input['code'] ?? null;
    if (code !== null && typeof code !== 'string') throw badRequest('code must be a string');
    state.faults.push({ step: step as string, mode: mode as FaultMode, code, times, login });
    res.status(201).json({ ok: true, faults: state.faults });
  });

  router.post('/risk', (req, res) => {
    const input = body(req);
    const login = input['login'] ?? null;
    const times = input['times'] ?? 1;
    if (login !== null && (typeof login !== 'string' || !state.accounts.has(login)))
      throw badRequest('login must name an account');
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 1)
      throw badRequest('times must be an integer ≥ 1');
    state.riskArms.push({ login, times });
    res.status(201).json({ ok: true });
  });

  router.get('/requests', (req, res) => {
    const since = Number(req.query['sinceSeq'] ?? 0) || 0;
    const area = typeof req.query['area'] === 'string' ? req.query['area'] : null;
    const requests = state.requests.filter(
      (entry) => entry.seq > since && (area === null || entry.area === area),
    );
    res.json({ requests });
  });
  router.delete('/requests', (_req, res) => {
    state.requests = [];
    res.json({ ok: true });
  });

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!(error instanceof ProviderError)) {
      next(error);

      return;
    }
    const status = error.httpStatus === 200 ? 409 : error.httpStatus;
    res
      .status(status)
      .json({ error: { code: error.code, message: error.text, details: error.details } });
  });

  return router;
}
