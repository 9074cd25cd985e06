import { Hono } from 'hono';
import {
  createDepartment,
  readDepartment,
  updateDepartment,
  visibleDepartments,
  type DepartmentInput,
} from '../../app/departments/index.ts';
import { addMembers, membersOf, type MemberInput } from '../../app/members/index.ts';
import { mediaType, readJson } from '../body.ts';
import type { AppContext, AppEnv } from '../../contract/env.ts';
import { allow } from '../middleware/auth.ts';
import { ProblemError } from '../problem.ts';
import { queryBoolean, queryDate } from '../query.ts';
import { membersFromCsv, rosterFromCsv } from '../../contract/roster-input.ts';
import { rosterCsv, syncRoster } from '../../app/roster/index.ts';
import type { RosterEntry } from '../../domain/roster/index.ts';
import { etag, optionalIfMatch, requireIfMatch } from '../preconditions.ts';
import { unwrap } from '../unwrap.ts';

/** Members from a JSON body or a CSV roster; CSV errors name the line as well as the field. */
async function readMembers(c: AppContext): Promise<{ members: MemberInput[]; lines?: number[] }> {
  if (mediaType(c) !== 'text/csv') return readJson<{ members: MemberInput[] }>(c, 'members-create');
  const csv = membersFromCsv(new Uint8Array(await c.req.arrayBuffer()));
  if (!csv.ok) throw new ProblemError(422, 'validation', csv.error.detail, csv.error.errors);
  return csv.value;
}

/** A whole roster from a JSON body or a CSV file (a column the file lacks leaves its field be). */
async function readRoster(c: AppContext): Promise<{ members: RosterEntry[]; lines?: number[] }> {
  if (mediaType(c) !== 'text/csv') return readJson<{ members: RosterEntry[] }>(c, 'roster-sync');
  const csv = rosterFromCsv(new Uint8Array(await c.req.arrayBuffer()));
  if (!csv.ok) throw new ProblemError(422, 'validation', csv.error.detail, csv.error.errors);
  return csv.value;
}

/** /v1/departments and a department's members. */
export function departmentRoutes() {
  const r = new Hono<AppEnv>();

  r.post('/', allow('admin'), async (c) => {
    const input = await readJson<DepartmentInput>(c, 'department-create');
    const dept = unwrap(await createDepartment(c.var.deps, c.var.actor, input));
    return c.json(dept, 201, { location: `/v1/departments/${dept.id}` });
  });

  r.get('/', allow('admin', 'hr', 'chief'), async (c) =>
    c.json({ departments: await visibleDepartments(c.var.deps, c.var.actor) }),
  );

  r.get('/:id', allow('admin', 'hr', 'chief'), async (c) =>
    c.json(unwrap(await readDepartment(c.var.deps, c.var.actor, c.req.param('id')))),
  );

  r.patch('/:id', allow('admin', 'chief'), async (c) => {
    const input = await readJson<Partial<DepartmentInput>>(c, 'department-update');
    return c.json(
      unwrap(await updateDepartment(c.var.deps, c.var.actor, c.req.param('id'), input)),
    );
  });

  r.post('/:id/members', allow('admin', 'chief'), async (c) => {
    const { members, lines } = await readMembers(c);
    const added = unwrap(
      await addMembers(c.var.deps, c.var.actor, c.req.param('id'), members, lines),
    );
    return c.json({ members: added }, 201);
  });

  // The roster's version is the list's ETag: a sync sends it back as If-Match.
  r.get('/:id/members', allow('admin', 'hr', 'chief'), async (c) => {
    const active = queryBoolean(c, 'active');
    const { members, version } = unwrap(
      await membersOf(c.var.deps, c.var.actor, c.req.param('id'), active),
    );
    return c.json({ members }, 200, { etag: etag(version) });
  });

  r.get('/:id/members.csv', allow('admin', 'hr', 'chief'), async (c) => {
    const out = unwrap(await rosterCsv(c.var.deps, c.var.actor, c.req.param('id')));
    return c.body(out.csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${out.filename}"`,
      etag: etag(out.version),
    });
  });

  // The whole roster: ?preview=true answers the plan and writes nothing; applying needs If-Match.
  r.post('/:id/roster', allow('admin', 'chief'), async (c) => {
    const preview = queryBoolean(c, 'preview') ?? false;
    const ifMatch = preview ? optionalIfMatch(c, 'roster') : requireIfMatch(c, 'roster');
    const effectiveDate = queryDate(c, 'effectiveDate');
    const { members, lines } = await readRoster(c);
    const opts = { preview, ifMatch, effectiveDate, lines };
    const out = unwrap(await syncRoster(c.var.deps, c.var.actor, c.req.param('id'), members, opts));
    return c.json(out, 200, { etag: etag(out.version) });
  });

  return r;
}
