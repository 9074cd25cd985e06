import { Hono } from 'hono';
import { inviteDepartment, peopleFor, resetCredentials } from '../../app/people/index.ts';
import type { AppEnv } from '../../contract/env.ts';
import { allow } from '../middleware/auth.ts';
import { unwrap } from '../unwrap.ts';

/** /v1/people (admin: who signs in, resets) and a department's invitations of all its members. */
export function peopleRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/people', allow('admin'), async (c) =>
    c.json({ people: unwrap(await peopleFor(c.var.deps, c.var.actor)) }),
  );

  r.post('/people/:id/reset', allow('admin'), async (c) =>
    c.json(unwrap(await resetCredentials(c.var.deps, c.var.actor, c.req.param('id'))), 201),
  );

  r.post('/departments/:id/invitations', allow('admin', 'chief'), async (c) =>
    c.json(
      { invitations: unwrap(await inviteDepartment(c.var.deps, c.var.actor, c.req.param('id'))) },
      201,
    ),
  );

  return r;
}
