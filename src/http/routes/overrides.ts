import { Hono } from 'hono';
import { createOverride, listOverrides, undoOverride } from '../../app/overrides/index.ts';
import type { OverrideRequest } from '../../domain/override/index.ts';
import type { AppEnv } from '../../contract/env.ts';
import { readJson } from '../body.ts';
import { allow } from '../middleware/auth.ts';
import { optionalIfMatch, requireIfMatch } from '../preconditions.ts';
import { queryBoolean } from '../query.ts';
import { unwrap } from '../unwrap.ts';

/** A chief's single-day overrides of a published rotation: make (or preview), list, undo. */
export function overrideRoutes() {
  const r = new Hono<AppEnv>();

  // ?preview=true answers the effect and writes nothing (If-Match checked when sent); applying needs it.
  r.post('/rotations/:id/overrides', allow('admin', 'chief'), async (c) => {
    const preview = queryBoolean(c, 'preview') ?? false;
    const ifMatch = preview ? optionalIfMatch(c) : requireIfMatch(c);
    const input = await readJson<OverrideRequest>(c, 'override-create');
    const id = c.req.param('id');
    const outcome = unwrap(
      await createOverride(c.var.deps, c.var.actor, id, ifMatch, input, { preview }),
    );
    c.header('etag', `"${outcome.version}"`);
    if (!preview) c.header('location', `/v1/rotations/${id}/overrides/${outcome.override.id}`);
    return c.json(outcome, preview ? 200 : 201);
  });

  r.get('/rotations/:id/overrides', allow('admin', 'hr', 'chief'), async (c) =>
    c.json(unwrap(await listOverrides(c.var.deps, c.var.actor, c.req.param('id')))),
  );

  r.delete('/rotations/:id/overrides/:overrideId', allow('admin', 'chief'), async (c) => {
    const preview = queryBoolean(c, 'preview') ?? false;
    const ifMatch = preview ? optionalIfMatch(c) : requireIfMatch(c);
    const { id, overrideId } = c.req.param();
    const outcome = unwrap(
      await undoOverride(c.var.deps, c.var.actor, id, overrideId, ifMatch, { preview }),
    );
    c.header('etag', `"${outcome.version}"`);
    return c.json(outcome);
  });

  return r;
}
