import type { ExecutionContext, ScheduledController } from '@cloudflare/workers-types';
import { sendDueReminders } from '../app/chat/index.ts';
import { deliverDue, errorText } from '../app/outbox/index.ts';
import { countTokens } from '../db/repos/tokens.ts';
import { MAX_BODY_BYTES, safePath } from '../http/api.ts';
import { createServer, type Server } from '../server.ts';
import { ProblemError, problemResponse } from '../http/problem.ts';
import { StartupError, weakAdminToken } from './config.ts';
import { ensureMigrated, workerDeps, type WorkerEnv } from './worker-deps.ts';

// One app per isolate and D1 binding, so the rendered-feed cache outlives a request. The Kysely
// in it holds no connection (each query is a D1 call); D1 is reached through the binding.
const apps = new WeakMap<WorkerEnv['DB'], { app: Server; ready: Promise<unknown> }>();

function appFor(env: WorkerEnv) {
  let entry = apps.get(env.DB);
  if (!entry) {
    const deps = workerDeps(env);
    const weak = weakAdminToken(env.BUNSAN_ADMIN_TOKEN);
    const checked = weak ? Promise.reject(new StartupError(weak)) : Promise.resolve();
    const ready = checked
      .then(() => ensureMigrated(env.DB, deps.db))
      .then(async () => {
        // Workers have no console the operator watches, so no first token is printed here.
        if (!deps.adminToken && (await countTokens(deps.db)) === 0) {
          deps.log(
            'bunsan: the database has no tokens and BUNSAN_ADMIN_TOKEN is not set; set it with `wrangler secret put BUNSAN_ADMIN_TOKEN`',
          );
        }
      });
    ready.catch(() => apps.delete(env.DB));
    entry = { app: createServer(deps), ready };
    apps.set(env.DB, entry);
  }
  return entry;
}

/**
 * The app sends some bodies already gzipped (feeds) with Content-Encoding: gzip. workerd would
 * gzip such a body once more unless told that it is encoded already (`encodeBody: 'manual'`).
 */
function passEncodedBody(res: Response): Response {
  if (!res.headers.get('content-encoding') || !res.body) return res;
  return new Response(res.body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
    encodeBody: 'manual',
  } as ResponseInit);
}

/**
 * A request refused before its body was read (401, 403, 404, …) leaves the body unread; under
 * `wrangler dev` the next request on that keep-alive connection then never arrives. Small bodies
 * are read to the end first (larger ones were refused with 413 and are not worth reading).
 */
async function drainUnreadBody(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  const length = Number(request.headers.get('content-length') ?? NaN);
  if (!(length <= MAX_BODY_BYTES)) return;
  try {
    await request.arrayBuffer();
  } catch {
    /* the client went away: nothing to drain */
  }
}

/** bunsan on Cloudflare Workers + D1: the HTTP API, and the evening reminders and the outbox on a cron trigger. */
export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const { app, ready } = appFor(env);
    try {
      await ready;
    } catch (e) {
      console.error(
        e instanceof StartupError
          ? `bunsan: cannot start: ${e.message}`
          : `bunsan: migrating the D1 database failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      return problemResponse(
        new ProblemError(503, 'unavailable', 'The database is not ready; it has been logged.'),
        safePath(new URL(request.url).pathname),
      );
    }
    const res = await app.fetch(request, env, ctx);
    await drainUnreadBody(request);
    return passEncodedBody(res);
  },

  async scheduled(
    _controller: ScheduledController,
    env: WorkerEnv,
    ctx: ExecutionContext,
  ): Promise<void> {
    const deps = workerDeps(env);
    const pass = ensureMigrated(env.DB, deps.db)
      // A failed reminder pass is logged and must not hold up the delivery.
      .then(() =>
        sendDueReminders(deps).then(
          (r) => {
            for (const w of r.written)
              deps.log(`reminders: ${w.recipients} for ${w.date} (department ${w.departmentId})`);
          },
          (e: unknown) => deps.log(`reminder pass failed: ${errorText(e)}`),
        ),
      )
      .then(() => deliverDue(deps))
      .then((r) => {
        if (r.sent + r.logged + r.retrying + r.failed > 0)
          deps.log(
            `outbox: ${r.sent} sent, ${r.logged} logged, ${r.retrying} retrying, ${r.failed} failed`,
          );
      });
    ctx.waitUntil(pass);
    await pass;
  },
};
