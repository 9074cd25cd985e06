import { err, type Result } from '../../domain/result.ts';
import { bumpDataVersionQuery } from '../../db/repos/departments.ts';
import {
  findMembersByEmailKeys,
  updateMemberQuery,
  type MemberChange,
} from '../../db/repos/members.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, type Failure } from '../failure.ts';
import { emailKey, isUniqueViolation, type MemberUpdate } from './input.ts';
import { readMember } from './read.ts';
import { memberInScope } from './scope.ts';
import type { MemberView } from './view.ts';

/** Changes the given fields of a member; `active: false` deactivates (history stays). */
export async function updateMember(
  deps: Deps,
  actor: Actor,
  id: string,
  input: MemberUpdate,
): Promise<Result<MemberView, Failure>> {
  const found = await memberInScope(deps, actor, id);
  if (!found.ok) return found;
  const member = found.value;
  if (input.email !== undefined && emailKey(input.email) !== member.emailKey) {
    const clash = await findMembersByEmailKeys(deps.db, member.departmentId, [
      emailKey(input.email),
    ]);
    if (clash.length)
      return err(
        conflict('E-mail already in use.', [
          { path: '/email', message: `${input.email} is already a member of this department` },
        ]),
      );
  }
  const at = deps.now().toISOString();
  const change: MemberChange = { updatedAt: at };
  if (input.name !== undefined) change.name = input.name.trim();
  if (input.kana !== undefined) change.kana = input.kana?.trim() || null;
  if (input.email !== undefined)
    Object.assign(change, { email: input.email.trim(), emailKey: emailKey(input.email) });
  if (input.skills !== undefined) change.skills = input.skills;
  if (input.position !== undefined) change.position = input.position;
  if (input.remoteAccess !== undefined) change.remoteAccess = input.remoteAccess;
  if (input.active !== undefined) change.active = input.active;
  const action = input.active === false && member.active ? 'member.deactivate' : 'member.update';
  try {
    await deps.atomic([
      updateMemberQuery(deps.db, id, change),
      bumpDataVersionQuery(deps.db, member.departmentId),
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
