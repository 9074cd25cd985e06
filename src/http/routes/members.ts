import { Hono } from 'hono';
import {
  memberSchedule,
  readMember,
  updateMember,
  type MemberUpdate,
} from '../../app/members/index.ts';
import { readJson } from '../body.ts';
import type { AppEnv } from '../../contract/env.ts';
import { allow } from '../middleware/auth.ts';
import { queryDate } from '../query.ts';
import { unwrap } from '../unwrap.ts';

/** /v1/members/{id}: read (staff: themselves), change and deactivate. */
export function memberRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/:id', allow('admin', 'hr', 'chief', 'staff'), async (c) =>
    c.json(unwrap(await readMember(c.var.deps, c.var.actor, c.req.param('id')))),
  );

  r.get('/:id/schedule', allow('admin', 'hr', 'chief', 'staff'), async (c) => {
    const range = { from: queryDate(c, 'from'), to: queryDate(c, 'to') };
    return c.json(unwrap(await memberSchedule(c.var.deps, c.var.actor, c.req.param('id'), range)));
  });

  r.patch('/:id', allow('admin', 'chief'), async (c) => {
    const input = await readJson<MemberUpdate>(c, 'member-update');
    return c.json(unwrap(await updateMember(c.var.deps, c.var.actor, c.req.param('id'), input)));
  });

  // Deactivation, not deletion: the member's history (past office days) must stay.
  r.delete('/:id', allow('admin', 'chief'), async (c) =>
    c.json(
      unwrap(await updateMember(c.var.deps, c.var.actor, c.req.param('id'), { active: false })),
    ),
  );

  return r;
}
