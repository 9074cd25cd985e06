import { err, ok, type Result } from '../../domain/result.ts';
import type { Department, Member } from '../../domain/types.ts';
import { departmentById } from '../../db/repos/departments.ts';
import { memberById } from '../../db/repos/members.ts';
import { departmentScopeDenied, inDepartmentScope, type Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { forbidden, notFound, type Failure } from '../failure.ts';

/** The department, if it exists and the actor's scope reaches it. */
export async function scopedDepartment(
  deps: Deps,
  actor: Actor,
  departmentId: string,
): Promise<Result<Department, Failure>> {
  const department = await departmentById(deps.db, departmentId);
  if (!department) return err(notFound(`No department ${departmentId}.`));
  const denied = departmentScopeDenied(actor, departmentId);
  return denied ? err(denied) : ok(department);
}

/** The member, if the actor may see them: admin and HR any, a chief their department's, staff themselves. */
export async function memberInScope(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<Member, Failure>> {
  const member = await memberById(deps.db, id);
  if (!member) return err(notFound(`No member ${id}.`));
  const mine =
    actor.role === 'staff' ? actor.memberId === id : inDepartmentScope(actor, member.departmentId);
  if (!mine) return err(forbidden('This token cannot see this member.'));
  return ok(member);
}
