import { accessSync, constants } from 'node:fs';

import { BrowserUnavailableError } from '../errors/provider-errors';

export const SYSTEM_CHROMIUM_PATH = '/usr/bin/chromium';

const INSTALL_HINT = 'install it with `apt-get install -y chromium` or set CHROMIUM_PATH';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);

    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the Chromium to drive: the explicit setting, else `CHROMIUM_PATH`, else the system one.
 * An explicit path that does not exist is an error rather than a silent fallback, so a typo in
 * the configuration is noticed.
 */
export function resolveChromiumPath(
  explicitPath?: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const configured = explicitPath ?? env['CHROMIUM_PATH'];
  if (configured) {
    if (!isExecutable(configured)) {
      throw new BrowserUnavailableError(
        `Chromium was configured at ${configured} but no executable is there; ${INSTALL_HINT}`,
      );
    }

    return configured;
  }

  if (isExecutable(SYSTEM_CHROMIUM_PATH)) {
    return SYSTEM_CHROMIUM_PATH;
  }

  throw new BrowserUnavailableError(
    `Chromium was not found at ${SYSTEM_CHROMIUM_PATH}; ${INSTALL_HINT}`,
  );
}
