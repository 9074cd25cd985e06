import { Hono } from 'hono';
import { reportCapacity } from '../../app/capacity/index.ts';
import type { AppEnv } from '../../contract/env.ts';
import { allow } from '../middleware/auth.ts';
import { ProblemError } from '../problem.ts';
import { queryDate } from '../query.ts';
import { unwrap } from '../unwrap.ts';

/** /v1/capacity?from=&to=&departmentId=: remote demand against capacity, day by day (admin, HR; a chief their own department). */
export function capacityRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', allow('admin', 'hr', 'chief'), async (c) => {
    const query = {
      from: queryDate(c, 'from'),
      to: queryDate(c, 'to'),
      departmentId: c.req.query('departmentId') || undefined,
    };
    const report = await reportCapacity(c.var.deps, c.var.actor, query);
    // Everything this endpoint reads is in the query string: a range it refuses is a bad query (400).
    if (!report.ok && report.error.kind === 'invalid')
      throw new ProblemError(400, 'invalid-query', report.error.detail, report.error.errors);
    return c.json(unwrap(report));
  });
  return r;
}
