import type { RunningApp } from '../../src/app/bootstrap';

export interface RouteEntry {
  method: string;
  path: string;
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route Nest registered on the Express router, read from the router itself. */
export function routeTable(running: RunningApp): RouteEntry[] {
  const app = running.app as unknown as {
    getHttpAdapter(): { getInstance(): { router: { stack: ExpressLayer[] } } };
  };
  const stack = app.getHttpAdapter().getInstance().router.stack;

  return stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((m) => m !== '_all')
          .map((method) => ({ method: method.toUpperCase(), path: layer.route!.path }))
      : [],
  );
}

/** A concrete URL for a route pattern: every `:param` becomes a syntactically valid id. */
export function concrete(path: string): string {
  return path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
}

export const key = (route: RouteEntry): string => `${route.method} ${route.path}`;
