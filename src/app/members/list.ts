import { ok, type Result } from '../../domain/result.ts';
import { departmentMembers } from '../../db/repos/members.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import type { Failure } from '../failure.ts';
import { memberView, type MemberView } from './view.ts';
import { scopedDepartment } from './scope.ts';

/** A department's members (`active` filters when given) and the roster's version (their ETag). */
export async function membersOf(
  deps: Deps,
  actor: Actor,
  departmentId: string,
  active?: boolean,
): Promise<Result<{ members: MemberView[]; version: number }, Failure>> {
  const department = await scopedDepartment(deps, actor, departmentId);
  if (!department.ok) return department;
  const members = await departmentMembers(deps.db, departmentId, active);
  return ok({ members: members.map(memberView), version: department.value.rosterVersion });
}
