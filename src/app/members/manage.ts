import { addDays, dateInZone, daysBetween } from '../../domain/calendar/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Position, RemoteAccess } from '../../domain/types.ts';
import { bumpDataVersionQuery, findDepartment } from '../../db/repos/departments.ts';
import {
  findMember,
  findMembersByEmailKeys,
  insertMembersQueries,
  listMembers,
  updateMemberQuery,
} from '../../db/repos/members.ts';
import type { MemberPatch, MemberRow } from '../../db/schema.ts';
import { departmentScopeDenied, inDepartmentScope, type Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  type Failure,
  type FieldError,
} from '../failure.ts';
import { memberScheduleDays } from '../feeds/index.ts';
import { memberView, type MemberView } from '../views.ts';

export interface MemberInput {
  name: string;
  email: string;
  skills?: string[];
  position?: Position;
  remoteAccess?: RemoteAccess;
}
export type MemberUpdate = Partial<MemberInput> & { active?: boolean };

/** E-mails are unique per department regardless of case and surrounding spaces. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

const isUniqueViolation = (e: unknown): boolean =>
  e instanceof Error && /UNIQUE constraint failed/i.test(e.message);

async function departmentInScope(
  deps: Deps,
  actor: Actor,
  departmentId: string,
): Promise<Failure | null> {
  if (!(await findDepartment(deps.db, departmentId)))
    return notFound(`No department ${departmentId}.`);
  return departmentScopeDenied(actor, departmentId);
}

/**
 * Adds members to a department, all or nothing. `lines` (from a CSV upload) makes each error
 * name the file's line as well as the field.
 */
export async function addMembers(
  deps: Deps,
  actor: Actor,
  departmentId: string,
  inputs: MemberInput[],
  lines?: number[],
): Promise<Result<MemberView[], Failure>> {
  const bad = await departmentInScope(deps, actor, departmentId);
  if (bad) return err(bad);
  const where = (i: number): Pick<FieldError, 'line'> => (lines?.[i] ? { line: lines[i] } : {});

  const firstAt = new Map<string, number>();
  const dupes: FieldError[] = [];
  inputs.forEach((m, i) => {
    const key = emailKey(m.email);
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, i);
    else
      dupes.push({
        path: `/members/${i}/email`,
        message: `${m.email} is already given at /members/${first}`,
        ...where(i),
      });
  });
  if (dupes.length) return err(invalid('Each e-mail may appear once.', dupes));

  const existing = new Set(
    (await findMembersByEmailKeys(deps.db, departmentId, [...firstAt.keys()])).map(
      (r) => r.email_key,
    ),
  );
  const taken = inputs.flatMap((m, i) =>
    existing.has(emailKey(m.email))
      ? [
          {
            path: `/members/${i}/email`,
            message: `${m.email} is already a member of this department`,
            ...where(i),
          },
        ]
      : [],
  );
  if (taken.length)
    return err(conflict('Some e-mails already belong to members of this department.', taken));

  const at = deps.now().toISOString();
  const rows: MemberRow[] = inputs.map((m) => ({
    id: deps.newId(),
    department_id: departmentId,
    name: m.name.trim(),
    email: m.email.trim(),
    email_key: emailKey(m.email),
    skills: JSON.stringify(m.skills ?? []),
    position: m.position ?? 'staff',
    remote_access: m.remoteAccess ?? 'company-pc',
    active: 1,
    created_at: at,
    updated_at: at,
  }));
  try {
    await deps.atomic([
      ...insertMembersQueries(deps.db, rows),
      auditEntry(
        deps,
        actor,
        at,
        'members.add',
        { type: 'department', id: departmentId },
        {
          count: rows.length,
          memberIds: rows.map((r) => r.id),
          source: lines ? 'csv' : 'json',
        },
      ),
    ]);
  } catch (e) {
    if (isUniqueViolation(e))
      return err(
        conflict('Another request added one of these e-mails meanwhile; nothing was added.'),
      );
    throw e;
  }
  return ok(rows.map(memberView));
}

/** A department's members; `active` filters when given. */
export async function membersOf(
  deps: Deps,
  actor: Actor,
  departmentId: string,
  active?: boolean,
): Promise<Result<MemberView[], Failure>> {
  const bad = await departmentInScope(deps, actor, departmentId);
  if (bad) return err(bad);
  return ok((await listMembers(deps.db, departmentId, active)).map(memberView));
}

async function memberInScope(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<MemberRow, Failure>> {
  const row = await findMember(deps.db, id);
  if (!row) return err(notFound(`No member ${id}.`));
  const mine =
    actor.role === 'staff' ? actor.memberId === id : inDepartmentScope(actor, row.department_id);
  if (!mine) return err(forbidden('This token cannot see this member.'));
  return ok(row);
}

/** One member: admin and HR any, a chief their department's, staff themselves. */
export async function readMember(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<MemberView, Failure>> {
  const found = await memberInScope(deps, actor, id);
  return found.ok ? ok(memberView(found.value)) : found;
}

/** Changes the given fields of a member; `active: false` deactivates (history stays). */
export async function updateMember(
  deps: Deps,
  actor: Actor,
  id: string,
  input: MemberUpdate,
): Promise<Result<MemberView, Failure>> {
  const found = await memberInScope(deps, actor, id);
  if (!found.ok) return found;
  const row = found.value;
  if (input.email !== undefined && emailKey(input.email) !== row.email_key) {
    const clash = await findMembersByEmailKeys(deps.db, row.department_id, [emailKey(input.email)]);
    if (clash.length)
      return err(
        conflict('E-mail already in use.', [
          { path: '/email', message: `${input.email} is already a member of this department` },
        ]),
      );
  }
  const at = deps.now().toISOString();
  const patch: MemberPatch = { updated_at: at };
  if (input.name !== undefined) patch.name = input.name.trim();
  if (input.email !== undefined)
    Object.assign(patch, { email: input.email.trim(), email_key: emailKey(input.email) });
  if (input.skills !== undefined) patch.skills = JSON.stringify(input.skills);
  if (input.position !== undefined) patch.position = input.position;
  if (input.remoteAccess !== undefined) patch.remote_access = input.remoteAccess;
  if (input.active !== undefined) patch.active = input.active ? 1 : 0;
  const action = input.active === false && row.active === 1 ? 'member.deactivate' : 'member.update';
  try {
    await deps.atomic([
      updateMemberQuery(deps.db, id, patch),
      bumpDataVersionQuery(deps.db, row.department_id),
      auditEntry(
        deps,
        actor,
        at,
        action,
        { type: 'member', id },
        { changed: Object.keys(input).sort() },
      ),
    ]);
  } catch (e) {
    if (isUniqueViolation(e))
      return err(
        conflict('E-mail already in use.', [{ path: '/email', message: 'taken meanwhile' }]),
      );
    throw e;
  }
  return readMember(deps, actor, id);
}

/** A member's days from `from` to `to` (default: today and the next 30 days), as their feed shows them. */
export async function memberSchedule(
  deps: Deps,
  actor: Actor,
  id: string,
  range: { from?: string; to?: string },
) {
  const found = await memberInScope(deps, actor, id);
  if (!found.ok) return found;
  const department = (await findDepartment(deps.db, found.value.department_id))!;
  const from = range.from ?? dateInZone(deps.now(), department.timezone);
  const to = range.to ?? addDays(from, 30);
  if (to < from)
    return err(invalid('The range is empty.', [{ path: '?to', message: 'is before from' }]));
  if (daysBetween(from, to) > 366)
    return err(
      invalid('The range is too long.', [{ path: '?to', message: 'at most 366 days after from' }]),
    );
  const days = await memberScheduleDays(deps, id, department.id, from, to);
  return ok({ memberId: id, from, to, days: days.map(({ description: _d, ...d }) => d) });
}
