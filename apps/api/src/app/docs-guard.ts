import type { INestApplication } from '@nestjs/common';
import { API_KEY_HEADER, SESSION_COOKIE } from '@autobuy/contracts';
import type { NextFunction, Request, Response } from 'express';

import { ApiKeysService } from '../auth/api-keys.service';
import { LoginSessionsService } from '../auth/login-sessions.service';

/**
 * The API docs live outside Nest's controllers, so the global guard does not see them; this
 * lets any logged-in operator or any live API key read them, and nobody else.
 */
export function guardDocs(app: INestApplication, prefix: string): void {
  const sessions = app.get(LoginSessionsService);
  const apiKeys = app.get(ApiKeysService);

  // Matched by hand: the JSON and YAML documents sit beside the prefix (/api/docs-json).
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith(prefix)) {
      next();

      return;
    }

    const cookies = req.cookies as Record<string, string> | undefined;
    const token = cookies?.[SESSION_COOKIE];
    const header = req.headers[API_KEY_HEADER];
    const raw = Array.isArray(header) ? header[0] : header;
    const allowed =
      (token !== undefined && (await sessions.authenticate(token)) !== null) ||
      (raw !== undefined && (await apiKeys.authenticate(raw.trim())) !== null);

    if (allowed) {
      next();

      return;
    }

    res.status(401).json({
      code: 'unauthenticated',
      message: 'Log in to the admin, or send an integrator API key in the X-Api-Key header',
    });
  });
}
