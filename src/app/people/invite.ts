import { problem } from '../../domain/problems/index.ts';
import type { CompiledQuery } from 'kysely';
import { departmentById } from '../../db/repos/departments.ts';
import { departmentMembers, findMembersByEmailKeys, memberById } from '../../db/repos/members.ts';
import {
  insertInvitationQuery,
  listInvitations,
  revokeInvitationsOfQuery,
  type Invitation,
} from '../../db/repos/invitations.ts';
import {
  insertPersonQuery,
  listPeople,
  personByEmailKey,
  personOfMember,
  updatePersonQuery,
  type Person,
} from '../../db/repos/people.ts';
import { endSessionsOfQueries } from '../../db/repos/sessions.ts';
import { emailKey } from '../../domain/roster/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Department, Role } from '../../domain/types.ts';
import { inDepartmentScope, type Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { forbidden, invalid, notFound, type Failure } from '../failure.ts';
import { hashSecret, newSecret } from '../secrets.ts';
import { invitationMessageQueries } from './invitation-message.ts';
import { INVITATION_DAYS } from './relying-party.ts';

/** Whom to invite: a member (`memberId`), or an organisation user or chief by e-mail. */
export interface InvitationRequest {
  memberId?: string;
  email?: string;
  name?: string;
  role?: Role;
  departmentId?: string;
}

/** A new invitation: the link is shown to the inviter once and sent to the person. */
export interface InvitationIssued {
  id: string;
  personId: string;
  url: string;
  expiresAt: string;
}

/** The person an invitation is for, as they will be: who, with which role and scope. */
type Target = Omit<Person, 'id' | 'active' | 'createdAt' | 'updatedAt'> & {
  department: Department | null;
};

async function targetOf(
  deps: Deps,
  actor: Actor,
  input: InvitationRequest,
): Promise<Result<Target, Failure>> {
  if (input.memberId !== undefined) {
    const m = await memberById(deps.db, input.memberId);
    if (!m) return err(notFound(`No member ${input.memberId}.`));
    if (
      actor.role !== 'admin' &&
      !(actor.role === 'chief' && inDepartmentScope(actor, m.departmentId))
    )
      return err(forbidden('Only an admin, or the chief of their department, invites a member.'));
    if (!m.active)
      return err(
        invalid('The member left.', [
          { path: '/memberId', message: 'is deactivated', ...problem('member-deactivated') },
        ]),
      );
    const known = await personOfMember(deps.db, m.id);
    return ok({
      name: m.name,
      email: m.email,
      emailKey: emailKey(m.email),
      role: known?.role === 'chief' ? 'chief' : 'staff',
      departmentId: m.departmentId,
      memberId: m.id,
      department: (await departmentById(deps.db, m.departmentId)) ?? null,
    });
  }
  if (actor.role !== 'admin') return err(forbidden('Only an admin invites HR, admins and chiefs.'));
  const problems = [];
  if (!input.email)
    problems.push({
      path: '/email',
      message: 'is required (or give memberId)',
      ...problem('required'),
    });
  if (!input.role)
    problems.push({ path: '/role', message: 'is required with email', ...problem('required') });
  if (input.role === 'staff')
    problems.push({
      path: '/role',
      message: 'staff are invited as members: give memberId',
      ...problem('staff-invited-as-member'),
    });
  const department = input.departmentId
    ? await departmentById(deps.db, input.departmentId)
    : undefined;
  if (input.role === 'chief' && !department)
    problems.push({
      path: '/departmentId',
      message: 'a chief needs their department',
      ...problem('required'),
    });
  if (input.departmentId !== undefined && input.role !== 'chief')
    problems.push({
      path: '/departmentId',
      message: 'only a chief has a department',
      ...problem('department-only-for-chief'),
    });
  if (problems.length) return err(invalid('The invitation is not valid.', problems));
  const role = input.role!;
  const chief = role === 'chief' ? department! : null;
  // A chief who is a member of their department is that member (their own days, their feed).
  const [member] = chief
    ? await findMembersByEmailKeys(deps.db, chief.id, [emailKey(input.email!)])
    : [];
  return ok({
    name: input.name?.trim() || member?.name || input.email!.trim(),
    email: input.email!.trim(),
    emailKey: emailKey(input.email!),
    role,
    departmentId: chief?.id ?? null,
    memberId: member?.active ? member.id : null,
    department: chief,
  });
}

/**
 * Invites a person: a member (admin, or their chief) or an HR user, admin or chief (admin). The
 * person is created or given the role (a changed role ends their sessions); the invitation is a
 * one-time link, 7 days, stored hashed, sent by e-mail (a member's carries their calendar links).
 */
export async function invite(
  deps: Deps,
  actor: Actor,
  input: InvitationRequest,
  opts: { email?: boolean } = {},
): Promise<Result<InvitationIssued, Failure>> {
  const target = await targetOf(deps, actor, input);
  if (!target.ok) return target;
  const t = target.value;
  const known =
    (t.memberId ? await personOfMember(deps.db, t.memberId) : undefined) ??
    (await personByEmailKey(deps.db, t.emailKey));
  const now = deps.now();
  const at = now.toISOString();
  const writes: CompiledQuery[] = [];
  let person: Person;
  if (known) {
    person = { ...known, role: t.role, departmentId: t.departmentId, active: true };
    person.memberId = t.memberId ?? known.memberId;
    writes.push(
      updatePersonQuery(deps.db, known.id, { ...person, updatedAt: at }),
      // Only the newest link works: an older one (printed, forwarded) must not sign in with
      // the role given now.
      revokeInvitationsOfQuery(deps.db, known.id, at),
    );
    if (known.role !== t.role || known.departmentId !== t.departmentId)
      writes.push(...endSessionsOfQueries(deps.db, [known.id], at));
  } else {
    const { department: _, ...fields } = t;
    person = { ...fields, id: deps.newId(), active: true, createdAt: at, updatedAt: at };
    writes.push(insertPersonQuery(deps.db, person));
  }
  const secret = newSecret('inv');
  const invitation: Invitation = {
    id: deps.newId(),
    secretHash: await hashSecret(secret),
    personId: person.id,
    createdBy: actor.tokenId,
    createdAt: at,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    usedAt: null,
    revokedAt: null,
  };
  const url = `${deps.publicUrl}/invite/${secret}`;
  writes.push(
    insertInvitationQuery(deps.db, invitation),
    ...(opts.email === false
      ? []
      : await invitationMessageQueries(deps, actor, person, t.department, url, at)),
    auditEntry(
      deps,
      actor,
      at,
      'invitation.create',
      { type: 'person', id: person.id },
      { invitationId: invitation.id, role: person.role, departmentId: person.departmentId },
    ),
  );
  await deps.atomic(writes);
  return ok({ id: invitation.id, personId: person.id, url, expiresAt: invitation.expiresAt });
}

/** One member's invitation of a department-wide action, with whom it is for. */
export type MemberInvitation = InvitationIssued & { memberId: string; name: string; email: string };

/**
 * Invites every active member of a department who is not signed up yet (no person, or a person
 * whose invitations are neither used nor open): one action for a chief rolling bunsan out. The
 * links come back once, for a printed list for those who read no e-mail.
 */
export async function inviteDepartment(
  deps: Deps,
  actor: Actor,
  departmentId: string,
): Promise<Result<MemberInvitation[], Failure>> {
  if (!(await departmentById(deps.db, departmentId)))
    return err(notFound(`No department ${departmentId}.`));
  if (actor.role !== 'admin' && !(actor.role === 'chief' && actor.departmentId === departmentId))
    return err(forbidden('Only an admin, or the chief of the department, invites its members.'));
  const [members, people] = await Promise.all([
    departmentMembers(deps.db, departmentId, true),
    listPeople(deps.db, departmentId),
  ]);
  const now = deps.now().toISOString();
  const pending = new Set(
    (
      await listInvitations(
        deps.db,
        people.map((p) => p.id),
      )
    )
      .filter((i) => i.usedAt || (!i.revokedAt && i.expiresAt > now))
      .map((i) => i.personId),
  );
  const signedUp = new Set(people.filter((p) => pending.has(p.id)).map((p) => p.memberId));
  const out: MemberInvitation[] = [];
  for (const m of members.filter((m) => !signedUp.has(m.id))) {
    // One write per member: a member's invitation carries a feed of their own.
    const issued = await invite(deps, actor, { memberId: m.id });
    if (!issued.ok) return issued;
    out.push({ ...issued.value, memberId: m.id, name: m.name, email: m.email });
  }
  return ok(out);
}
