import { err, ok, type Result } from '../../domain/result.ts';
import { departmentMembers } from '../../db/repos/members.ts';
import { departmentById } from '../../db/repos/departments.ts';
import { departmentScopeDenied, type Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { notFound, type Failure } from '../failure.ts';
import { memberView, type MemberView } from './view.ts';

/** A department's members (`active` filters when given) and the roster's version (their ETag). */
export async function membersOf(
  deps: Deps,
  actor: Actor,
  departmentId: string,
  active?: boolean,
): Promise<Result<{ members: MemberView[]; version: number }, Failure>> {
  const department = await departmentById(deps.db, departmentId);
  if (!department) return err(notFound(`No department ${departmentId}.`));
  const denied = departmentScopeDenied(actor, departmentId);
  if (denied) return err(denied);
  const members = await departmentMembers(deps.db, departmentId, active);
  return ok({ members: members.map(memberView), version: department.rosterVersion });
}
