import { Hono } from 'hono';
import { createDepartment, readDepartment, updateDepartment, visibleDepartments, type DepartmentInput } from '../../app/departments.ts';
import { addMembers, membersOf, type MemberInput } from '../../app/members.ts';
import { parseRosterCsv } from '../../app/roster-csv.ts';
import { assertValid, mediaType, readJson } from '../body.ts';
import type { AppContext, AppEnv } from '../env.ts';
import { allow } from '../middleware/auth.ts';
import { ProblemError } from '../problem.ts';
import { queryBoolean } from '../query.ts';
import { unwrap } from '../unwrap.ts';

/** Members from a JSON body or a CSV roster; CSV errors name the line as well as the field. */
async function readMembers(c: AppContext): Promise<{ members: MemberInput[]; lines?: number[] }> {
  if (mediaType(c) !== 'text/csv') return readJson<{ members: MemberInput[] }>(c, 'members-create');
  return membersFromCsv(await c.req.text());
}

/** A CSV roster as members-create input with each row's line; a 422 problem naming line and field otherwise (the web pages share it). */
export function membersFromCsv(text: string): { members: MemberInput[]; lines: number[] } {
  const rows = parseRosterCsv(text);
  if (!rows.ok) throw new ProblemError(422, 'validation', 'The CSV roster cannot be read.', rows.error);
  const lines = rows.value.map((r) => r.line);
  try {
    return { ...assertValid<{ members: MemberInput[] }>('members-create', { members: rows.value.map((r) => r.member) }), lines };
  } catch (e) {
    if (!(e instanceof ProblemError) || !e.errors) throw e;
    const withLines = e.errors.map((fe) => {
      const i = /^\/members\/(\d+)/.exec(fe.path)?.[1];
      const line = i === undefined ? undefined : lines[Number(i)];
      return line ? { ...fe, line } : fe;
    });
    throw new ProblemError(422, 'validation', 'Some rows of the CSV roster are not valid; nothing was added.', withLines);
  }
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
    return c.json(unwrap(await updateDepartment(c.var.deps, c.var.actor, c.req.param('id'), input)));
  });

  r.post('/:id/members', allow('admin', 'chief'), async (c) => {
    const { members, lines } = await readMembers(c);
    const added = unwrap(await addMembers(c.var.deps, c.var.actor, c.req.param('id'), members, lines));
    return c.json({ members: added }, 201);
  });

  r.get('/:id/members', allow('admin', 'hr', 'chief'), async (c) => {
    const active = queryBoolean(c, 'active');
    return c.json({ members: unwrap(await membersOf(c.var.deps, c.var.actor, c.req.param('id'), active)) });
  });

  return r;
}
