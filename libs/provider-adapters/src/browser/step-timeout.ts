import { ProviderError, ProviderTimeoutError } from '../errors/provider-errors';

/**
 * Runs one step with a hard time limit. The step's own promise is left to settle on its own
 * (Puppeteer calls cannot be aborted), but the caller moves on with a `ProviderTimeoutError`.
 */
export async function withStepTimeout<T>(
  step: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProviderTimeoutError(step, timeoutMs)), timeoutMs);
  });
  const running = work();
  // A late rejection of the abandoned step must not surface as an unhandled rejection.
  running.catch(() => undefined);

  try {
    return await Promise.race([running, deadline]);
  } catch (error) {
    if (error instanceof ProviderError) {
      throw error;
    }
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw new ProviderTimeoutError(step, timeoutMs, { cause: error });
    }

    throw error;
  } finally {
    clearTimeout(timer);
  }
}
