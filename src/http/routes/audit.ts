import { Hono } from 'hono';
import { auditView } from '../../app/views.ts';
import { listAudit } from '../../db/repos/audit.ts';
import type { AppEnv } from '../../contract/env.ts';
import { allow } from '../middleware/auth.ts';
import { queryInstant, queryLimit } from '../query.ts';

/** /v1/audit?from=&to=&limit=: who wrote what, when (admin; HR reads). */
export function auditRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', allow('admin', 'hr'), async (c) => {
    const range = {
      from: queryInstant(c, 'from'),
      to: queryInstant(c, 'to'),
      limit: queryLimit(c, 'limit', 1000, 10000),
    };
    const rows = await listAudit(c.var.deps.db, range);
    return c.json({ entries: rows.map(auditView) });
  });
  return r;
}
