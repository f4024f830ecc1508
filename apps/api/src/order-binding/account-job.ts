import type { ProviderSessionDto } from '@autobuy/contracts';
import {
  ChallengeRequiredError,
  type ProviderJob,
  SessionExpiredError,
} from '@autobuy/provider-adapters';

import type { WorkflowProviderAccess } from './provider-access.port';

/**
 * Runs provider work for one session inside one job: decrypts the session, stores the
 * (possibly refreshed) cookies afterwards, and marks the session expired when the provider
 * says it ended, so the operator sees why and background sync pauses.
 */
export async function withAccountJob<T>(
  access: WorkflowProviderAccess,
  ref: string | { accountId: string },
  work: (job: ProviderJob, session: ProviderSessionDto) => Promise<T>,
): Promise<T> {
  const { session, access: account } = await access.accountAccess(ref);
  const adapter = access.adapterFor(session.provider);
  const job = await adapter.openJob(account);
  try {
    const result = await work(job, session);
    const snapshot = await job.exportSession();
    if (snapshot) {
      await access.storeSnapshot(session.id, snapshot);
    }

    return result;
  } catch (error) {
    await noteSessionEnd(access, session.id, error);

    throw error;
  } finally {
    await job.close();
  }
}

/** Marks the session expired when the provider's error says it ended or wants a challenge. */
export async function noteSessionEnd(
  access: WorkflowProviderAccess,
  sessionId: string,
  error: unknown,
): Promise<void> {
  if (error instanceof SessionExpiredError) {
    await access.markExpired(sessionId, 'The provider ended the session; log in again');
  } else if (error instanceof ChallengeRequiredError) {
    await access.markExpired(
      sessionId,
      `The provider asks for a ${error.kind} check; log in again in the popup to pass it`,
    );
  }
}
