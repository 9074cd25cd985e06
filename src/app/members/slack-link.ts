import { problem } from '../../domain/problems/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { slackUserIdOf } from '../../domain/roster/index.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { memberById, updateMemberQuery } from '../../db/repos/members.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, forbidden, invalid, type Failure } from '../failure.ts';
import { memberInScope } from './scope.ts';
import { memberView, type MemberView } from './view.ts';

/** A Slack member ID as Slack shows it under "Copy member ID": U or W and capitals and digits. */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/**
 * Links a member to their Slack user (the caller of `/bunsan`), or unlinks them with null: the
 * member themselves (from /me), their chief, or an admin — HR reads but does not link. One Slack
 * user is one member: an ID linked to someone else is a conflict naming the field.
 */
export async function linkSlackUser(
  deps: Deps,
  actor: Actor,
  id: string,
  slackUserId: string | null,
): Promise<Result<MemberView, Failure>> {
  const found = await memberInScope(deps, actor, id);
  if (!found.ok) return found;
  if (actor.role === 'hr') return err(forbidden('HR does not link Slack accounts.'));
  const value = slackUserIdOf(slackUserId);
  if (value !== null && !SLACK_USER_ID.test(value))
    return err(
      invalid('The Slack member ID is not valid.', [
        {
          path: '/slackUserId',
          message: 'must be a Slack member ID such as U012AB3CD (Profile → ⋮ → Copy member ID)',
          ...problem('invalid-slack-user-id'),
        },
      ]),
    );
  const at = deps.now().toISOString();
  try {
    await deps.atomic([
      updateMemberQuery(deps.db, id, { slackUserId: value, updatedAt: at }),
      auditEntry(
        deps,
        actor,
        at,
        value ? 'member.slack-link' : 'member.slack-unlink',
        { type: 'member', id },
        { changed: ['slackUserId'] },
      ),
    ]);
  } catch (e) {
    if (!isUniqueViolation(e, 'members')) throw e;
    return err(
      conflict('This Slack account is linked to another member.', [
        {
          path: '/slackUserId',
          message: 'is already linked to another member',
          ...problem('slack-user-taken'),
        },
      ]),
    );
  }
  return ok(memberView((await memberById(deps.db, id))!));
}
