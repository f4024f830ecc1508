import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';

import { ProviderError } from './state/errors';
import { sendProviderError, systemError } from './http/context';
import { riskMiddleware } from './http/risk';
import type { SandboxRuntime } from './http/runtime';
import { trafficMiddleware } from './http/traffic';
import { visitorMiddleware } from './http/visitor';
import { cartRoutes } from './routes/cart';
import { checkoutRoutes } from './routes/checkout';
import { controlRoutes } from './routes/control';
import { itemRoutes } from './routes/items';
import { kitmallRoutes } from './routes/kitmall';
import { loginRoutes } from './routes/login';
import { orderRoutes } from './routes/orders';
import { qrRoutes } from './routes/qr';
import { sliderRoutes } from './routes/slider';
import { smsRoutes } from './routes/sms';

function isMachinePath(req: Request): boolean {
  return req.path.startsWith('/__control') || req.path.startsWith('/kitmall/');
}

// Last resort: malformed bodies and unexpected failures still answer in the caller's format.
function finalErrorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (res.headersSent) {
    res.socket?.destroy();

    return;
  }
  const status = (error as { status?: number }).status;
  if (isMachinePath(req)) {
    const code = status === 400 ? 'BAD_REQUEST' : 'SYSTEM_ERROR';
    res
      .status(status === 400 ? 400 : 500)
      .json({ error: { code, message: String((error as Error).message ?? error) } });

    return;
  }
  if (error instanceof ProviderError) {
    sendProviderError(req, res, error);

    return;
  }
  if (status !== 400) console.error('Sandbox request failed', error);
  sendProviderError(
    req,
    res,
    status === 400 ? new ProviderError('BAD_REQUEST', '请求格式错误', null, 400) : systemError(),
  );
}

export function createSandboxApp(runtime: SandboxRuntime): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false }));
  app.use(cookieParser());

  app.use('/__control', controlRoutes(runtime));
  app.use(trafficMiddleware(runtime));
  app.use('/kitmall/api/v1', kitmallRoutes(runtime));
  app.use(visitorMiddleware(runtime.state));
  app.use(riskMiddleware(runtime.state));
  app.use(loginRoutes(runtime));
  app.use(smsRoutes(runtime));
  app.use(qrRoutes(runtime));
  app.use(sliderRoutes(runtime));
  app.use(itemRoutes(runtime));
  app.use(cartRoutes(runtime));
  app.use(checkoutRoutes(runtime));
  app.use(orderRoutes(runtime));

  app.use((req: Request, res: Response) => {
    if (isMachinePath(req)) {
      res
        .status(404)
        .json({ error: { code: 'NOT_FOUND', message: `no route ${req.method} ${req.path}` } });

      return;
    }
    res
      .status(404)
      .type('html')
      .send('<!DOCTYPE html><p id="J_NotFound">很抱歉，您访问的页面不存在</p>');
  });
  app.use(finalErrorHandler);

  return app;
}
