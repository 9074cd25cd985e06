import { ok, type Result } from '../../domain/result.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import type { Failure } from '../failure.ts';
import { memberInScope } from './scope.ts';
import { memberView, type MemberView } from './view.ts';

/** One member: admin and HR any, a chief their department's, staff themselves. */
export async function readMember(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<MemberView, Failure>> {
  const found = await memberInScope(deps, actor, id);
  return found.ok ? ok(memberView(found.value)) : found;
}
