import { Hono } from 'hono';
import { listAuditEntries } from '../../app/audit/index.ts';
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
    return c.json({ entries: await listAuditEntries(c.var.deps, range) });
  });
  return r;
}
