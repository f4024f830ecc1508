import type { ProviderCode, ProviderSessionDto } from '@autobuy/contracts';
import type { AccountAccess, ProviderAdapter, SessionSnapshot } from '@autobuy/provider-adapters';

/**
 * What the workflows need from the sessions module (the contract's `ProviderAccess`): adapters,
 * decrypted account access, and telling it when a session ended. Bound to the sessions module's
 * implementation in the app module, so the workflows never read the vault themselves.
 */
export interface WorkflowProviderAccess {
  adapterFor(provider: ProviderCode): ProviderAdapter;
  /** Throws a sessions error (`no_active_session`, `session_expired`) naming the account. */
  accountAccess(
    ref: string | { accountId: string },
  ): Promise<{ session: ProviderSessionDto; access: AccountAccess }>;
  storeSnapshot(sessionId: string, snapshot: SessionSnapshot): Promise<void>;
  markExpired(sessionId: string, reason: string): Promise<void>;
  /** Records a completed synchronization, so the session panel shows when it last happened. */
  recordSync(sessionId: string, at?: Date): Promise<void>;
  activeSessions(provider?: ProviderCode): Promise<ProviderSessionDto[]>;
}

export const PROVIDER_ACCESS = Symbol('PROVIDER_ACCESS');

/** The sessions module's errors carry a string `code`; the workflows only read it. */
export function sessionErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) {
    return null;
  }
  const code = (error as { code: unknown }).code;

  return code === 'no_active_session' || code === 'session_expired' ? code : null;
}
