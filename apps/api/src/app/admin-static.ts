import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * Serves the built admin at `/`; any other non-API GET gets index.html so the SPA's router
 * handles deep links. Returns false when there is no build to serve.
 */
export function serveAdmin(app: INestApplication, dist: string): boolean {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    return false;
  }

  const isApi = (path: string): boolean => path === '/api' || path.startsWith('/api/');
  const assets = express.static(dist, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) {
      next();

      return;
    }

    assets(req, res, () => res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } }));
  });

  return true;
}
