import { ProviderError } from './errors';
import type { SandboxState } from './store';
import type { QrCode } from './types';

export function createQr(
  state: SandboxState,
  boundLogin: string | null,
  redirectURL: string,
): QrCode {
  const qr: QrCode = {
    t: state.token('qr'),
    boundLogin,
    scannedBy: null,
    status: 'NEW',
    consumed: false,
    createdAtMs: state.now(),
    redirectURL,
  };
  state.qrCodes.set(qr.t, qr);

  return qr;
}

// Expiry is applied when the code is looked at, against virtual time.
export function currentQr(state: SandboxState, t: string): QrCode | null {
  const qr = state.qrCodes.get(t) ?? null;
  if (qr && (qr.status === 'NEW' || qr.status === 'SCANED')) {
    if (state.now() - qr.createdAtMs > state.config.qrExpiryMs) qr.status = 'EXPIRED';
  }

  return qr;
}

export type PhoneAction = 'scan' | 'confirm' | 'cancel';

function pendingFor(state: SandboxState, login: string): QrCode | null {
  const pending = [...state.qrCodes.keys()]
    .map((t) => currentQr(state, t))
    .filter((qr): qr is QrCode => qr !== null)
    .filter((qr) => qr.status === 'NEW' || qr.status === 'SCANED')
    .filter((qr) => qr.boundLogin === null || qr.boundLogin === login);

  return pending.at(-1) ?? null;
}

// What the buyer's phone does with a code: scan it, confirm the login, or cancel.
export function phoneAct(
  state: SandboxState,
  login: string,
  t: string | null,
  action: PhoneAction,
): QrCode {
  if (!state.accounts.has(login)) {
    throw new ProviderError('ACCOUNT_NOT_FOUND', '账号不存在', { login }, 404);
  }
  const qr = t ? currentQr(state, t) : pendingFor(state, login);
  if (!qr) {
    throw new ProviderError('QR_NOT_FOUND', '二维码不存在', { t }, 404);
  }
  if (qr.status !== 'NEW' && qr.status !== 'SCANED') {
    throw new ProviderError('QR_INVALID', '二维码已失效', { status: qr.status }, 409);
  }
  if (qr.boundLogin !== null && qr.boundLogin !== login) {
    throw new ProviderError('QR_WRONG_ACCOUNT', '请使用当前账号扫码', { login }, 409);
  }

  qr.scannedBy = login;
  qr.status = action === 'scan' ? 'SCANED' : action === 'confirm' ? 'CONFIRMED' : 'CANCELED';

  return qr;
}
