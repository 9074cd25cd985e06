import { deleteTotpQuery, peopleWithTotp } from '../../db/repos/credentials.ts';
import { revokeInvitationsOfQuery } from '../../db/repos/invitations.ts';
import { deletePasskeysOfQuery, passkeyCounts } from '../../db/repos/passkeys.ts';
import { listPeople, personById, type Person } from '../../db/repos/people.ts';
import { endSessionsOfQueries } from '../../db/repos/sessions.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { forbidden, notFound, type Failure } from '../failure.ts';
import { allMembers } from '../../db/repos/members.ts';
import { invite, type InvitationIssued } from './invite.ts';

/** A person as the admin's list shows them: role, scope, and how they can sign in. */
export type PersonView = Omit<Person, 'emailKey'> & { passkeys: number; totp: boolean };

/** Everyone who signs in, with their role and credentials (admin). */
export async function peopleFor(deps: Deps, actor: Actor): Promise<Result<PersonView[], Failure>> {
  if (actor.role !== 'admin') return err(forbidden('Only admins see people and their roles.'));
  const [people, counts, totp, members] = await Promise.all([
    listPeople(deps.db),
    passkeyCounts(deps.db),
    peopleWithTotp(deps.db),
    allMembers(deps.db),
  ]);
  const left = new Set(members.filter((m) => !m.active).map((m) => m.id));
  return ok(
    people.map(({ emailKey: _, ...p }) => ({
      ...p,
      // A member who left may not sign in, whatever their person says.
      active: p.active && !(p.memberId && left.has(p.memberId)),
      passkeys: counts.get(p.id) ?? 0,
      totp: totp.has(p.id),
    })),
  );
}

/**
 * An admin resets a person's credentials (a lost phone, a stolen key): their passkeys and
 * authenticator app go, their sessions and open invitations end, and a fresh invitation is sent.
 */
export async function resetCredentials(
  deps: Deps,
  actor: Actor,
  personId: string,
): Promise<Result<InvitationIssued, Failure>> {
  if (actor.role !== 'admin') return err(forbidden('Only admins reset credentials.'));
  const person = await personById(deps.db, personId);
  if (!person) return err(notFound(`No person ${personId}.`));
  const at = deps.now().toISOString();
  await deps.atomic([
    deletePasskeysOfQuery(deps.db, person.id),
    deleteTotpQuery(deps.db, person.id),
    revokeInvitationsOfQuery(deps.db, person.id, at),
    ...endSessionsOfQueries(deps.db, [person.id], at),
    auditEntry(deps, actor, at, 'credentials.reset', { type: 'person', id: person.id }, {}),
  ]);
  return invite(
    deps,
    actor,
    person.memberId && person.role === 'staff'
      ? { memberId: person.memberId }
      : {
          email: person.email,
          name: person.name,
          role: person.role,
          ...(person.departmentId ? { departmentId: person.departmentId } : {}),
        },
  );
}
