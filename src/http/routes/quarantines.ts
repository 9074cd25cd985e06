import { problem } from '../../domain/problems/index.ts';
import { Hono } from 'hono';
import {
  healthCentreCsv,
  healthCentreFileName,
  liftQuarantine,
  makeHealthCentreList,
  lookUpExposure,
  listQuarantines,
  markQuarantine,
  type QuarantineRequest,
} from '../../app/quarantines/index.ts';
import { readJson } from '../body.ts';
import type { AppEnv } from '../../contract/env.ts';
import { allow } from '../middleware/auth.ts';
import { ProblemError } from '../problem.ts';
import { queryBoolean, queryDate } from '../query.ts';
import { unwrap } from '../unwrap.ts';

/** Quarantines (mark, lift, list) and the exposure lookup: HR and admin only. */
export function quarantineRoutes() {
  const r = new Hono<AppEnv>();
  // On its own paths only: a guard on '*' would also catch every route mounted after these.
  for (const path of ['/quarantines', '/quarantines/*', '/exposures', '/exposures.csv'])
    r.use(path, allow('hr', 'admin'));

  r.post('/quarantines', async (c) => {
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw new ProblemError(400, 'invalid-header', 'The Idempotency-Key header is not valid.', [
        {
          path: 'Idempotency-Key',
          message: '1–200 visible ASCII characters',
          ...problem('format'),
        },
      ]);
    }
    const input = await readJson<QuarantineRequest>(c, 'quarantine-create');
    const made = unwrap(await markQuarantine(c.var.deps, c.var.actor, input, key));
    return c.json(made, made.alreadyMarked ? 200 : 201, { location: `/v1/quarantines/${made.id}` });
  });

  r.post('/quarantines/:id/lift', async (c) => {
    const { date } = await readJson<{ date: string }>(c, 'quarantine-lift');
    return c.json(unwrap(await liftQuarantine(c.var.deps, c.var.actor, c.req.param('id'), date)));
  });

  r.get('/quarantines', async (c) => {
    const filter = {
      active: queryBoolean(c, 'active'),
      departmentId: c.req.query('departmentId') || undefined,
    };
    return c.json({ quarantines: unwrap(await listQuarantines(c.var.deps, c.var.actor, filter)) });
  });

  r.get('/exposures', async (c) => {
    const memberId = requiredMemberId(c.req.query('memberId'));
    return c.json(
      unwrap(
        await lookUpExposure(c.var.deps, c.var.actor, memberId, {
          from: queryDate(c, 'from'),
          to: queryDate(c, 'to'),
        }),
      ),
    );
  });

  // The health-centre list: the case's office days and who was in the office; making it is audited.
  r.get('/exposures.csv', async (c) => {
    const memberId = requiredMemberId(c.req.query('memberId'));
    const range = { from: queryDate(c, 'from'), to: queryDate(c, 'to') };
    const list = unwrap(
      await makeHealthCentreList(c.var.deps, c.var.actor, memberId, range, 'csv'),
    );
    const name = healthCentreFileName(list);
    return c.body(healthCentreCsv(list), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`,
      'cache-control': 'no-store',
    });
  });

  return r;
}

function requiredMemberId(memberId: string | undefined): string {
  if (!memberId)
    throw new ProblemError(400, 'invalid-query', 'memberId is required.', [
      { path: '?memberId', message: 'is required', ...problem('required') },
    ]);
  return memberId;
}
