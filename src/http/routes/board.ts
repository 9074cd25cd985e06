import { Hono } from 'hono';
import {
  readDepartmentBoard,
  readMemberToday,
  readOrganisationBoard,
} from '../../app/board/index.ts';
import type { AppEnv } from '../../contract/env.ts';
import { allow } from '../middleware/auth.ts';
import { queryDate } from '../query.ts';
import { unwrap } from '../unwrap.ts';

/** Boards: a department's day, the organisation's day (HR, admin), and a member's own day. */
export function boardRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/departments/:id/board', allow('admin', 'hr', 'chief'), async (c) => {
    const date = queryDate(c, 'date');
    return c.json(
      unwrap(await readDepartmentBoard(c.var.deps, c.var.actor, c.req.param('id'), date)),
    );
  });

  r.get('/board', allow('admin', 'hr'), async (c) =>
    c.json(unwrap(await readOrganisationBoard(c.var.deps, c.var.actor, queryDate(c, 'date')))),
  );

  r.get('/members/:id/today', allow('admin', 'hr', 'chief', 'staff'), async (c) =>
    c.json(unwrap(await readMemberToday(c.var.deps, c.var.actor, c.req.param('id')))),
  );

  return r;
}
