import { Hono } from 'hono';
import {
  FeedCache,
  renderFeed,
  createFeed,
  listFeeds,
  revokeFeed,
  type FeedScope,
} from '../../app/feeds/index.ts';
import { readJson } from '../body.ts';
import type { AppEnv } from '../../contract/env.ts';
import { allow } from '../middleware/auth.ts';
import { ProblemError } from '../problem.ts';
import { unwrap } from '../unwrap.ts';

/** The gzip representation's strong ETag: a different representation needs a different tag. */
const gzipEtag = (etag: string) => etag.replace(/"$/, '-gzip"');

/** Does Accept-Encoding accept gzip (by name or `*`, with a q-value above 0)? */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  // The common case (no q-values) without allocating: this is the hot route.
  if (!header.includes(';')) return /(?:^|,)\s*(?:x-gzip|gzip|\*)\s*(?:,|$)/i.test(header);
  const q = new Map(
    (header ?? '').split(',').map((part) => {
      const [coding = '', ...params] = part.trim().toLowerCase().split(';');
      const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return [coding.trim(), weight ? Number(weight.slice(2)) : 1] as const;
    }),
  );
  const weight = q.get('gzip') ?? q.get('x-gzip') ?? q.get('*') ?? 0;
  return Number.isFinite(weight) && weight > 0;
}

/** Is the client's copy (If-None-Match, else If-Modified-Since) still the current one? */
function notModified(
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
  etag: string,
  lastModified: string,
): boolean {
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((t) => {
      const tag = t.trim().replace(/^W\//, '');
      return tag === etag || tag === gzipEtag(etag) || tag === '*';
    });
  }
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(lastModified) <= since;
}

/** POST /v1/feeds, GET /v1/feeds, DELETE /v1/feeds/{id} (authenticated). */
export function feedAdminRoutes() {
  const r = new Hono<AppEnv>();
  r.post('/', allow('admin', 'chief', 'staff'), async (c) => {
    const input = await readJson<{ scope: FeedScope; id: string }>(c, 'feed-create');
    return c.json(unwrap(await createFeed(c.var.deps, c.var.actor, input)), 201, {
      'cache-control': 'no-store',
    });
  });
  r.get('/', allow('admin', 'chief', 'staff'), async (c) =>
    c.json({
      feeds: unwrap(
        await listFeeds(c.var.deps, c.var.actor, {
          departmentId: c.req.query('departmentId') || undefined,
        }),
      ),
    }),
  );
  r.delete('/:id', allow('admin', 'chief', 'staff'), async (c) =>
    c.json(unwrap(await revokeFeed(c.var.deps, c.var.actor, c.req.param('id')))),
  );
  return r;
}

/** GET /feeds/{token}.ics: the token in the path is the credential (calendar apps send no headers). */
export function feedRoutes(cache: FeedCache) {
  const r = new Hono<AppEnv>();
  r.get('/:file', async (c) => {
    const file = c.req.param('file');
    const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
    const feed = token
      ? await renderFeed(c.var.deps, cache, token, c.req.query('include') === 'remote')
      : null;
    if (!feed) throw new ProblemError(404, 'not-found', 'No such feed (unknown or revoked).');
    const zipped = acceptsGzip(c.req.header('accept-encoding'));
    const headers: Record<string, string> = {
      etag: zipped ? gzipEtag(feed.etag) : feed.etag,
      'last-modified': feed.lastModified,
      'cache-control': 'private, max-age=0, must-revalidate',
      vary: 'Accept-Encoding',
    };
    // A Response with plain-object headers: the Node adapter's fast path (this is the hot route).
    if (
      notModified(
        c.req.header('if-none-match'),
        c.req.header('if-modified-since'),
        feed.etag,
        feed.lastModified,
      )
    )
      return new Response(null, { status: 304, headers });
    headers['content-type'] = 'text/calendar; charset=utf-8';
    if (zipped) headers['content-encoding'] = 'gzip';
    return new Response(zipped ? feed.gzip : feed.bytes, { status: 200, headers });
  });
  return r;
}
