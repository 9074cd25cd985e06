import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { FeedCache } from '../app/feeds/index.ts';
import { StoreBusy } from '../app/deps.ts';
import type { AppContext, AppEnv } from '../contract/env.ts';
import { requireAuth } from './middleware/auth.ts';
import { openApiDocument } from '../contract/openapi.ts';
import { ProblemError, problemResponse } from './problem.ts';
import { auditRoutes } from './routes/audit.ts';
import { capacityRoutes } from './routes/capacity.ts';
import { departmentRoutes } from './routes/departments.ts';
import { feedAdminRoutes, feedRoutes } from './routes/feeds.ts';
import { memberRoutes } from './routes/members.ts';
import { outboxRoutes } from './routes/outbox.ts';
import { quarantineRoutes } from './routes/quarantines.ts';
import { rotationRoutes } from './routes/rotations.ts';
import { overrideRoutes } from './routes/overrides.ts';
import { settingsRoutes } from './routes/settings.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { invitationRoutes } from './routes/invitations.ts';
import { peopleRoutes } from './routes/people.ts';
import { boardRoutes } from './routes/board.ts';
import { slackRoutes } from './routes/slack.ts';

export const VERSION = '0.1.0';

/** A request path fit for a log line or a problem document: a feed's token (its credential) left out. */
export const safePath = (path: string): string => path.replace(/^\/feeds\/[^/]+/, '/feeds/[token]');
export const MAX_BODY_BYTES = 1024 * 1024;

/** The JSON API, the feeds, the health check and the OpenAPI document; no module-level state. */
export function apiRoutes() {
  const app = new Hono<AppEnv>();
  const doc = openApiDocument(VERSION);

  app.get('/healthz', (c) => c.json({ status: 'ok', version: VERSION }));
  app.get('/openapi.json', (c) => c.json(doc));
  app.route('/feeds', feedRoutes(new FeedCache()));
  app.route('/slack', slackRoutes());

  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        // The rest of the body is never read: the connection cannot carry another request.
        throw new ProblemError(
          413,
          'body-too-large',
          `The request body is over the limit of ${MAX_BODY_BYTES} bytes.`,
          undefined,
          { connection: 'close' },
        );
      },
    }),
  );
  app.use('/v1/*', requireAuth());
  app.route('/v1/departments', departmentRoutes());
  app.route('/v1/members', memberRoutes());
  app.route('/v1/tokens', tokenRoutes());
  app.route('/v1/invitations', invitationRoutes());
  app.route('/v1', peopleRoutes());
  app.route('/v1/audit', auditRoutes());
  app.route('/v1/feeds', feedAdminRoutes());
  app.route('/v1/outbox', outboxRoutes());
  app.route('/v1/settings', settingsRoutes());
  app.route('/v1/capacity', capacityRoutes());
  app.route('/v1', rotationRoutes());
  app.route('/v1', boardRoutes());
  app.route('/v1', overrideRoutes());
  app.route('/v1', quarantineRoutes());
  return app;
}

/** 404 for a path nobody serves, as a problem document. */
export const noRoute = (c: AppContext) =>
  problemResponse(
    new ProblemError(404, 'not-found', `No route for ${c.req.method} ${safePath(c.req.path)}.`),
    safePath(c.req.path),
  );

/** A thrown problem as its document; anything else is our bug: logged, and the client told nothing of the internals. */
export function problemOnError(e: Error, c: AppContext) {
  const path = safePath(c.req.path);
  if (e instanceof ProblemError) return problemResponse(e, path);
  if (e instanceof StoreBusy)
    return problemResponse(
      new ProblemError(
        503,
        'busy',
        'The database is busy with another writer; nothing was changed. Try again in a moment.',
        undefined,
        { 'retry-after': '1' },
      ),
      path,
    );
  c.var.deps.log(`error ${c.req.method} ${path}: ${e.stack ?? e.message}`);
  return problemResponse(
    new ProblemError(500, 'internal', 'Something went wrong on our side; it has been logged.'),
    path,
  );
}
