import type { Request, Response } from 'express';

import { ProviderError, TEXTS } from '../state/errors';
import type { Fault } from '../state/types';
import { sendProviderError, systemError } from './context';
import type { SandboxRuntime } from './runtime';

export const FAULT_STEPS = [
  'login.submit',
  'item.page',
  'cart.add',
  'cart.page',
  'checkout.confirm_page',
  'checkout.submit.before_create',
  'checkout.submit.after_create',
  'checkout.submit.partial',
  'orders.list',
  'order.detail',
  'order.cancel',
  'order.pay',
  'tracking',
  'kitmall.item.get',
  'kitmall.order.create.before',
  'kitmall.order.create.after',
  'kitmall.order.get',
  'kitmall.order.list',
  'kitmall.order.cancel',
] as const;

export type FaultStep = (typeof FAULT_STEPS)[number];

const TEXT_BY_CODE: Record<string, string> = {
  RGV587_ERROR: TEXTS.busy,
  'B-15034': TEXTS.alreadyOrdered,
  'F-10003': TEXTS.overLimit,
  PROMOTION_CHANGED: TEXTS.promotionChanged,
  ITEM_INVALID: TEXTS.itemInvalid,
  PAGE_EXPIRED: TEXTS.pageExpired,
  DEAL_LIMIT: TEXTS.dealLimit,
  FAIL_SYS_SESSION_EXPIRED: TEXTS.sessionExpired,
};

/** Takes one use of the fault armed for this step and account, if any. */
export function takeFault(
  runtime: SandboxRuntime,
  step: FaultStep,
  login: string | null,
): Fault | null {
  const faults = runtime.state.faults;
  const index = faults.findIndex(
    (fault) => fault.step === step && (fault.login === null || fault.login === login),
  );
  if (index < 0) return null;

  const fault = faults[index]!;
  fault.times -= 1;
  if (fault.times <= 0) faults.splice(index, 1);

  return fault;
}

export function faultError(fault: Fault): ProviderError {
  const code = fault.code ?? 'RGV587_ERROR';

  return new ProviderError(code, TEXT_BY_CODE[code] ?? TEXTS.systemError, { injected: true });
}

// Answers the request as the armed fault says and reports whether it did; the caller stops.
export function applyFault(
  runtime: SandboxRuntime,
  req: Request,
  res: Response,
  step: FaultStep,
  login: string | null,
  asJson: boolean,
  sendError: (error: ProviderError) => void = (error) => sendProviderError(req, res, error, asJson),
): boolean {
  const fault = takeFault(runtime, step, login);
  if (!fault) return false;

  answerFault(runtime, res, fault, sendError);

  return true;
}

// Answers a request as a fault already taken says: a 500, no answer, or the business error.
export function answerFault(
  runtime: SandboxRuntime,
  res: Response,
  fault: Fault,
  sendError: (error: ProviderError) => void,
): void {
  switch (fault.mode) {
    case 'fail':
      sendError(systemError());
      break;
    case 'hang':
      runtime.hold(res);
      break;
    case 'error':
      sendError(faultError(fault));
      break;
  }
}
