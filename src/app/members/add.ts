import { problem } from '../../domain/problems/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { slackUserIdOf } from '../../domain/roster/index.ts';
import type { Member } from '../../domain/types.ts';
import { bumpRosterVersionQuery } from '../../db/repos/departments.ts';
import { findMembersByEmailKeys, insertMembersQueries } from '../../db/repos/members.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, invalid, type FieldError, type Failure } from '../failure.ts';
import {
  emailKey,
  isSlackUserTaken,
  isUniqueViolation,
  repeatedEmails,
  slackUserTaken,
  type MemberInput,
} from './input.ts';
import { scopedDepartment } from './scope.ts';
import { memberView, type MemberView } from './view.ts';

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
  const scoped = await scopedDepartment(deps, actor, departmentId);
  if (!scoped.ok) return scoped;
  const where = (i: number): Pick<FieldError, 'line'> => (lines?.[i] ? { line: lines[i] } : {});

  const dupes = repeatedEmails(inputs, lines);
  if (dupes.length) return err(invalid('Each e-mail may appear once.', dupes));

  const existing = new Set(
    (
      await findMembersByEmailKeys(
        deps.db,
        departmentId,
        inputs.map((m) => emailKey(m.email)),
      )
    ).map((m) => m.emailKey),
  );
  const taken = inputs.flatMap((m, i) =>
    existing.has(emailKey(m.email))
      ? [
          {
            path: `/members/${i}/email`,
            message: `${m.email} is already a member of this department`,
            ...problem('email-taken', { email: m.email }),
            ...where(i),
          },
        ]
      : [],
  );
  if (taken.length)
    return err(conflict('Some e-mails already belong to members of this department.', taken));

  const at = deps.now().toISOString();
  const members: Member[] = inputs.map((m) => ({
    id: deps.newId(),
    departmentId,
    name: m.name.trim(),
    kana: m.kana?.trim() || null,
    email: m.email.trim(),
    emailKey: emailKey(m.email),
    skills: m.skills ?? [],
    position: m.position ?? 'staff',
    remoteAccess: m.remoteAccess ?? 'company-pc',
    slackUserId: slackUserIdOf(m.slackUserId),
    active: true,
    createdAt: at,
    updatedAt: at,
  }));
  try {
    await deps.atomic([
      ...insertMembersQueries(deps.db, members),
      bumpRosterVersionQuery(deps.db, departmentId),
      auditEntry(
        deps,
        actor,
        at,
        'members.add',
        { type: 'department', id: departmentId },
        {
          count: members.length,
          memberIds: members.map((m) => m.id),
          source: lines ? 'csv' : 'json',
        },
      ),
    ]);
  } catch (e) {
    if (isSlackUserTaken(e))
      return err(
        conflict('A Slack member ID given is linked to another member; nothing was added.', [
          slackUserTaken('/members'),
        ]),
      );
    if (isUniqueViolation(e))
      return err(
        conflict(
          'Another request added one of these e-mails meanwhile; nothing was added.',
          undefined,
          problem('email-taken-meanwhile'),
        ),
      );
    throw e;
  }
  return ok(members.map(memberView));
}
