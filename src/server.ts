import { Hono } from 'hono';
import type { Deps } from './app/deps.ts';
import { SignInThrottle } from './app/tokens/index.ts';
import type { AppEnv } from './contract/env.ts';
import { apiRoutes, noRoute, problemOnError } from './http/api.ts';
import { securityHeaders } from './http/middleware/security.ts';
import { pageNotFound, webRoutes } from './web/routes.tsx';

/**
 * The whole server for the given runtime dependencies: the JSON API (with feeds) and the pages side
 * by side, each answering its own errors (problem+json, or a page). No module-level state.
 */
export function createServer(deps: Deps) {
  const app = new Hono<AppEnv>();
  const throttle = new SignInThrottle(() => deps.now().getTime());
  app.use('*', securityHeaders(), async (c, next) => {
    c.set('deps', deps);
    c.set('throttle', throttle);
    await next();
  });
  app.route('/', apiRoutes());
  // The pages for chiefs, HR and staff (cookie session, CSRF-guarded forms) on their own paths.
  app.route('/', webRoutes());
  app.notFound(async (c) => (await pageNotFound(c as never)) ?? noRoute(c));
  app.onError(problemOnError);
  return app;
}
export type Server = ReturnType<typeof createServer>;
