import type { Request, Response } from 'express';

import { ProviderError, TEXTS } from '../state/errors';
import type { Account, Session } from '../state/types';
import { embedJson, escapeHtml, layout } from '../views/html';

export interface BuyerLocals {
  session: Session;
  account: Account | null;
  sessionEnded: boolean;
}

export function locals(res: Response): BuyerLocals {
  return res.locals as BuyerLocals;
}

export function nickOf(res: Response): string | null {
  return locals(res).account?.login ?? null;
}

// A page answers JSON when asked explicitly (format=json) or when the client accepts only JSON.
export function wantsJson(req: Request): boolean {
  if (req.query['format'] === 'json') return true;
  const accept = req.get('accept') ?? '';

  return accept.includes('application/json') && !accept.includes('text/html');
}

export function param(req: Request, name: string): string | undefined {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const value = body[name] ?? req.query[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);

  return undefined;
}

export function errorBody(error: ProviderError) {
  return { success: false, code: error.code, msg: error.text, details: error.details };
}

export function sendProviderError(
  req: Request,
  res: Response,
  error: ProviderError,
  asJson = wantsJson(req),
): void {
  res.status(error.httpStatus);
  if (asJson) {
    res.json(errorBody(error));

    return;
  }

  res.type('html').send(
    layout({
      title: '出错了',
      nick: nickOf(res),
      body: `<div id="J_ErrorPage" data-code="${escapeHtml(error.code)}">
<h2>操作失败</h2><p class="error-msg">${escapeHtml(error.text)}</p>
<p><a href="/cart">返回购物车</a> <a href="/trade/itemlist/list_bought_items.htm">已买到的宝贝</a></p>
</div>${embedJson('J_ErrorData', errorBody(error))}`,
    }),
  );
}

export function systemError(): ProviderError {
  return new ProviderError('SYSTEM_ERROR', TEXTS.systemError, null, 500);
}

// Pages send an anonymous or expired visitor to the login page; JSON calls get the code a
// script would see.
export function requireAccount(req: Request, res: Response, asJson: boolean): Account | null {
  const account = locals(res).account;
  if (account) return account;

  if (asJson) {
    res.json({ success: false, code: 'FAIL_SYS_SESSION_EXPIRED', msg: TEXTS.sessionExpired });
  } else {
    res.redirect(302, `/member/login.jhtml?redirectURL=${encodeURIComponent(req.originalUrl)}`);
  }

  return null;
}

export function checkCsrf(req: Request, res: Response): void {
  const sent = param(req, '_tb_token_') ?? req.get('x-tb-token');
  if (!sent || sent !== locals(res).session.csrfToken) {
    throw new ProviderError('PAGE_EXPIRED', TEXTS.pageExpired, { reason: 'csrf' });
  }
}

// `.do` actions answer JSON, except to a browser's form submit (which accepts HTML).
export function doWantsJson(req: Request): boolean {
  return req.query['format'] === 'json' || !(req.get('accept') ?? '').includes('text/html');
}
