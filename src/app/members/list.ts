import { err, ok, type Result } from '../../domain/result.ts';
import { departmentMembers } from '../../db/repos/members.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import type { Failure } from '../failure.ts';
import { departmentInScope } from './scope.ts';
import { memberView, type MemberView } from './view.ts';

/** A department's members; `active` filters when given. */
export async function membersOf(
  deps: Deps,
  actor: Actor,
  departmentId: string,
  active?: boolean,
): Promise<Result<MemberView[], Failure>> {
  const bad = await departmentInScope(deps, actor, departmentId);
  if (bad) return err(bad);
  return ok((await departmentMembers(deps.db, departmentId, active)).map(memberView));
}
