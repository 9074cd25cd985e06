import { Hono } from 'hono';
import {
  moveMember,
  type MoveInput,
  type RotationRequest,
  createRotation,
  publishRotation,
  readRotation,
  regenerateRotation,
  rotationSchedule,
  rotationScheduleCsv,
  rotationsOf,
  rotationSurvivability,
  type RotationView,
} from '../../app/rotations/index.ts';
import { readJson, readOptionalJson } from '../body.ts';
import type { AppContext, AppEnv } from '../../contract/env.ts';
import { allow } from '../middleware/auth.ts';
import { requireIfMatch } from '../preconditions.ts';
import { queryDate } from '../query.ts';
import { unwrap } from '../unwrap.ts';

const withEtag = (c: AppContext, view: RotationView, status: 200 | 201 = 200) => {
  c.header('etag', view.etag);
  return c.json(view, status);
};

/** Rotations: create under a department, read, schedule, publish, move members, regenerate, survivability. */
export function rotationRoutes() {
  const r = new Hono<AppEnv>();

  r.post('/departments/:id/rotations', allow('admin', 'chief'), async (c) => {
    const input = await readJson<RotationRequest>(c, 'rotation-create');
    const view = unwrap(await createRotation(c.var.deps, c.var.actor, c.req.param('id'), input));
    c.header('location', `/v1/rotations/${view.id}`);
    return withEtag(c, view, 201);
  });

  r.get('/departments/:id/rotations', allow('admin', 'hr', 'chief'), async (c) =>
    c.json({ rotations: unwrap(await rotationsOf(c.var.deps, c.var.actor, c.req.param('id'))) }),
  );

  r.get('/rotations/:id', allow('admin', 'hr', 'chief'), async (c) => {
    const view = unwrap(await readRotation(c.var.deps, c.var.actor, c.req.param('id')));
    if (c.req.header('if-none-match') === view.etag) return c.body(null, 304, { etag: view.etag });
    return withEtag(c, view);
  });

  r.get('/rotations/:id/schedule', allow('admin', 'hr', 'chief', 'staff'), async (c) => {
    const range = { from: queryDate(c, 'from'), to: queryDate(c, 'to') };
    return c.json(
      unwrap(await rotationSchedule(c.var.deps, c.var.actor, c.req.param('id'), range)),
    );
  });

  r.get('/rotations/:id/schedule.csv', allow('admin', 'hr', 'chief'), async (c) => {
    const range = { from: queryDate(c, 'from'), to: queryDate(c, 'to') };
    const out = unwrap(
      await rotationScheduleCsv(c.var.deps, c.var.actor, c.req.param('id'), range),
    );
    return c.body(out.csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${out.filename.ascii}"; filename*=UTF-8''${encodeURIComponent(out.filename.utf8)}`,
      'cache-control': 'no-store',
    });
  });

  r.get('/rotations/:id/survivability', allow('admin', 'hr', 'chief'), async (c) =>
    c.json(unwrap(await rotationSurvivability(c.var.deps, c.var.actor, c.req.param('id')))),
  );

  r.post('/rotations/:id/publish', allow('admin', 'chief'), async (c) => {
    const version = requireIfMatch(c);
    return withEtag(
      c,
      unwrap(await publishRotation(c.var.deps, c.var.actor, c.req.param('id'), version)),
    );
  });

  r.post('/rotations/:id/regenerate', allow('admin', 'chief'), async (c) => {
    const version = requireIfMatch(c);
    const input = await readOptionalJson<{ seed?: number }>(c, 'rotation-regenerate');
    return withEtag(
      c,
      unwrap(await regenerateRotation(c.var.deps, c.var.actor, c.req.param('id'), version, input)),
    );
  });

  r.post('/rotations/:id/moves', allow('admin', 'chief'), async (c) => {
    const version = requireIfMatch(c);
    const input = await readJson<MoveInput>(c, 'rotation-move');
    const outcome = unwrap(
      await moveMember(c.var.deps, c.var.actor, c.req.param('id'), version, input),
    );
    c.header('etag', `"${outcome.version}"`);
    return c.json(outcome, 201);
  });

  return r;
}
