import { Hono } from 'hono';
import {
  linkSlackUser,
  memberSchedule,
  readMember,
  type MemberUpdate,
} from '../../app/members/index.ts';
import { changeMember } from '../../app/roster/index.ts';
import { readJson } from '../body.ts';
import type { AppEnv } from '../../contract/env.ts';
import { allow } from '../middleware/auth.ts';
import { optionalIfMatch } from '../preconditions.ts';
import { queryBoolean, queryDate } from '../query.ts';
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

  r.post('/:id/slack', allow('admin', 'chief', 'staff'), async (c) => {
    const { slackUserId } = await readJson<{ slackUserId: string | null }>(c, 'member-slack');
    const id = c.req.param('id');
    return c.json(unwrap(await linkSlackUser(c.var.deps, c.var.actor, id, slackUserId)));
  });

  // A change answers the member as changed and what it does to the rotations; ?preview=true only
  // answers. `effectiveDate` is the day a deactivated member leaves their team (default today).
  r.patch('/:id', allow('admin', 'chief'), async (c) => {
    const { effectiveDate, ...input } = await readJson<MemberUpdate & { effectiveDate?: string }>(
      c,
      'member-update',
    );
    const opts = {
      preview: queryBoolean(c, 'preview') ?? false,
      ifMatch: optionalIfMatch(c, 'roster'),
      effectiveDate,
    };
    return c.json(
      unwrap(await changeMember(c.var.deps, c.var.actor, c.req.param('id'), input, opts)),
    );
  });

  // Deactivation, not deletion: the member's history (past office days) must stay.
  r.delete('/:id', allow('admin', 'chief'), async (c) => {
    const opts = {
      preview: queryBoolean(c, 'preview') ?? false,
      ifMatch: optionalIfMatch(c, 'roster'),
      effectiveDate: queryDate(c, 'effectiveDate'),
    };
    const id = c.req.param('id');
    return c.json(unwrap(await changeMember(c.var.deps, c.var.actor, id, { active: false }, opts)));
  });

  return r;
}
