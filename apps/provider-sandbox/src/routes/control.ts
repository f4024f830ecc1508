import { Router, type NextFunction, type Request, type Response } from 'express';

import {
  parseChallenge,
  parseConfigPatch,
  parseDealLimit,
  badRequest,
} from '../state/control-input';
import { ProviderError } from '../state/errors';
import {
  closeUnpaid,
  findOrder,
  finishOrder,
  payOrder,
  refundOrder,
  shipOrder,
  sweepAutoClose,
} from '../state/orders';
import { phoneAct, type PhoneAction } from '../state/qr';
import type { FaultMode } from '../state/types';
import { FAULT_STEPS, type FaultStep } from '../http/faults';
import type { SandboxRuntime } from '../http/runtime';
import { groundTruthView } from '../views/order-data';
import { itemTruth, patchItem } from './control-catalogue';

type Body = Record<string, unknown>;
const body = (req: Request): Body => (req.body ?? {}) as Body;
const FAULT_MODES: FaultMode[] = ['fail', 'hang', 'error'];
const PHONE_ACTIONS: PhoneAction[] = ['scan', 'confirm', 'cancel'];

// The control API: tests, benchmarks and demos drive and inspect the simulator through it.
export function controlRoutes(runtime: SandboxRuntime): Router {
  const router = Router();
  const state = runtime.state;

  router.use((_req, _res, next) => {
    sweepAutoClose(state);
    next();
  });

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

  const accountView = (login: string) => {
    // Everything but the password.
    const { userId, mobile, challenge, dealLimit, apiKey, defaultAddress } =
      state.accounts.get(login)!;

    return { login, userId, mobile, challenge, dealLimit, apiKey, defaultAddress };
  };

  router.get('/accounts', (_req, res) => {
    res.json({ accounts: [...state.accounts.keys()].map(accountView) });
  });

  router.post('/accounts', (req, res) => {
    const input = body(req);
    const login = input['login'];
    if (typeof login !== 'string' || !/^[\w\u4e00-\u9fa5-]{2,32}$/u.test(login)) {
      throw badRequest('login must be 2–32 letters, digits, _ or -');
    }
    if (state.accounts.has(login))
      throw new ProviderError('CONFLICT', `account ${login} exists`, null, 409);
    const apiKey = input['apiKey'];
    if (
      apiKey !== undefined &&
      (typeof apiKey !== 'string' || apiKey === '' || state.accountByApiKey(apiKey))
    ) {
      throw badRequest('apiKey must be a new non-empty string');
    }
    const password = input['password'] ?? 'sandbox123';
    if (typeof password !== 'string' || password === '')
      throw badRequest('password must be a non-empty string');
    const userId = state.nextUserId();
    state.accounts.set(login, {
      login,
      password,
      userId,
      mobile: `139${userId.slice(-8)}`,
      challenge: parseChallenge(input['challenge'], 'none'),
      dealLimit: parseDealLimit(input['dealLimit'], 20),
      apiKey: (apiKey as string | undefined) ?? null,
      defaultAddress: null,
    });
    res.status(201).json(accountView(login));
  });

  router.patch('/accounts/:login', (req, res) => {
    const account = state.accounts.get(String(req.params['login']));
    if (!account) throw new ProviderError('NOT_FOUND', 'no such account', null, 404);
    const input = body(req);
    if (
      input['password'] !== undefined &&
      (typeof input['password'] !== 'string' || input['password'] === '')
    ) {
      throw badRequest('password must be a non-empty string');
    }
    const challenge = parseChallenge(input['challenge'], account.challenge);
    const dealLimit = parseDealLimit(input['dealLimit'], account.dealLimit);
    account.challenge = challenge;
    account.dealLimit = dealLimit;
    if (typeof input['password'] === 'string') account.password = input['password'];
    res.json(accountView(account.login));
  });

  router.get('/sessions', (_req, res) => {
    const sessions = [...state.sessions.values()].filter((session) => session.login !== null);
    res.json({
      sessions: sessions.map((s) => ({
        login: s.login,
        loginAtMs: s.loginAtMs,
        lastSeenMs: s.lastSeenMs,
      })),
    });
  });

  router.post('/sessions/expire', (req, res) => {
    const login = body(req)['login'];
    if (typeof login !== 'string' || !state.accounts.has(login))
      throw badRequest('login must name an account');
    let expired = 0;
    for (const session of state.sessions.values()) {
      if (session.login === login) {
        session.login = null;
        expired += 1;
      }
    }
    res.json({ ok: true, expired });
  });

  router.get('/items', (_req, res) => {
    res.json({
      items: [...state.catalogue.items.values()].map((item) => itemTruth(state, item)),
      sellers: [...state.catalogue.sellers.values()],
    });
  });

  const itemOr404 = (req: Request) => {
    const item = state.catalogue.items.get(String(req.params['itemId']));
    if (!item) throw new ProviderError('NOT_FOUND', 'no such item', null, 404);

    return item;
  };
  router.get('/items/:itemId', (req, res) => res.json(itemTruth(state, itemOr404(req))));
  router.patch('/items/:itemId', (req, res) => {
    const item = itemOr404(req);
    patchItem(item, body(req));
    res.json(itemTruth(state, item));
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

  router.get('/phone/sms', (req, res) => {
    const login = String(req.query['login'] ?? '');
    const message = state.smsOutbox.filter((sms) => sms.login === login).at(-1);
    if (!message) throw new ProviderError('NOT_FOUND', `no SMS sent to ${login}`, null, 404);
    res.json(message);
  });

  router.post('/phone/qr', (req, res) => {
    const input = body(req);
    const action = input['action'] ?? 'confirm';
    if (!PHONE_ACTIONS.includes(action as PhoneAction))
      throw badRequest('action must be scan, confirm or cancel');
    if (typeof input['login'] !== 'string') throw badRequest('login is required');
    const t = typeof input['t'] === 'string' ? input['t'] : null;
    const qr = phoneAct(state, input['login'], t, action as PhoneAction);
    res.json({ ok: true, t: qr.t, status: qr.status });
  });

  router.get('/orders', (req, res) => {
    const login = typeof req.query['login'] === 'string' ? req.query['login'] : null;
    const orders = [...state.orders.values()].filter(
      (order) => login === null || order.login === login,
    );
    res.json({ orders: orders.map((order) => groundTruthView(state, order)) });
  });

  router.get('/orders/:id', (req, res) =>
    res.json(groundTruthView(state, findOrder(state, String(req.params['id']), null))),
  );

  const act = (name: string, apply: (order: ReturnType<typeof findOrder>, input: Body) => void) => {
    router.post(`/orders/:id/${name}`, (req, res) => {
      const order = findOrder(state, String(req.params['id']), null);
      apply(order, body(req));
      res.json(groundTruthView(state, order));
    });
  };
  act('ship', (order, input) => {
    const subOrderIds = input['subOrderIds'];
    if (
      subOrderIds !== undefined &&
      (!Array.isArray(subOrderIds) || subOrderIds.some((id) => typeof id !== 'string'))
    ) {
      throw badRequest('subOrderIds must be an array of strings');
    }
    shipOrder(state, order, {
      expressId:
        typeof input['expressId'] === 'string'
          ? input['expressId']
          : `SF${order.bizOrderId.slice(-10)}`,
      companyName: typeof input['companyName'] === 'string' ? input['companyName'] : '顺丰速运',
      subOrderIds: (subOrderIds as string[] | undefined) ?? null,
    });
  });
  act('close', (order, input) =>
    closeUnpaid(
      state,
      order,
      typeof input['reason'] === 'string' ? input['reason'] : '卖家关闭交易',
    ),
  );
  act('refund', (order) => refundOrder(state, order));
  act('finish', (order) => finishOrder(state, order));
  act('pay', (order) => payOrder(state, order));

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
