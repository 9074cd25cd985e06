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
import { queryBoolean } from '../query.ts';
import { membersFromCsv } from '../../contract/roster-input.ts';
import { unwrap } from '../unwrap.ts';

/** Members from a JSON body or a CSV roster; CSV errors name the line as well as the field. */
async function readMembers(c: AppContext): Promise<{ members: MemberInput[]; lines?: number[] }> {
  if (mediaType(c) !== 'text/csv') return readJson<{ members: MemberInput[] }>(c, 'members-create');
  const csv = membersFromCsv(new Uint8Array(await c.req.arrayBuffer()));
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

  r.get('/:id/members', allow('admin', 'hr', 'chief'), async (c) => {
    const active = queryBoolean(c, 'active');
    return c.json({
      members: unwrap(await membersOf(c.var.deps, c.var.actor, c.req.param('id'), active)),
    });
  });

  return r;
}
