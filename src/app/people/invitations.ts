import { problem } from '../../domain/problems/index.ts';
import {
  invitationByHash,
  invitationById,
  isInvitationSpent,
  listInvitations,
  revokeInvitationQuery,
  useInvitationQuery,
  type Invitation,
} from '../../db/repos/invitations.ts';
import { listPeople, personById, type Person } from '../../db/repos/people.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, forbidden, notFound, type Failure } from '../failure.ts';
import { hashSecret } from '../secrets.ts';
import { maySignIn, personActor } from '../sessions/index.ts';

/** Why an invitation link cannot be used. */
export type InvitationProblem = 'unknown' | 'used' | 'revoked' | 'expired';

/** An invitation's state at `now`. */
const stateOf = (i: Invitation, now: string): 'open' | Exclude<InvitationProblem, 'unknown'> =>
  i.usedAt ? 'used' : i.revokedAt ? 'revoked' : i.expiresAt <= now ? 'expired' : 'open';

/** The invitation of a link's secret and its person, if it can still be used. */
export async function openInvitation(
  deps: Deps,
  secret: string,
): Promise<Result<{ invitation: Invitation; person: Person }, InvitationProblem>> {
  const invitation = await invitationByHash(deps.db, await hashSecret(secret));
  const person = invitation ? await personById(deps.db, invitation.personId) : undefined;
  if (!invitation || !person || !(await maySignIn(deps, person))) return err('unknown');
  const state = stateOf(invitation, deps.now().toISOString());
  return state === 'open' ? ok({ invitation, person }) : err(state);
}

/**
 * Staff may take their invitation without a passkey (the link came to their own e-mail, as a
 * code would): it is used, and the caller signs them in. HR, admin and chiefs need a second factor.
 */
export async function acceptWithoutPasskey(
  deps: Deps,
  invitation: Invitation,
  person: Person,
): Promise<Result<Person, Failure>> {
  if (person.role !== 'staff')
    return err(
      forbidden('HR, admins and chiefs sign in with a passkey (or an authenticator app).'),
    );
  const at = deps.now().toISOString();
  try {
    await deps.atomic([
      useInvitationQuery(deps.db, invitation.id, at),
      auditEntry(
        deps,
        personActor(person),
        at,
        'invitation.use',
        { type: 'person', id: person.id },
        { invitationId: invitation.id, credential: 'none' },
      ),
    ]);
  } catch (e) {
    if (isInvitationSpent(e))
      return err(
        conflict(
          'This invitation was used or revoked meanwhile.',
          undefined,
          problem('invitation-used'),
        ),
      );
    throw e;
  }
  return ok(person);
}

/** An invitation as the API lists it: whom, its state, no secret. */
export interface InvitationView {
  id: string;
  personId: string;
  name: string;
  email: string;
  role: Person['role'];
  departmentId: string | null;
  state: 'open' | Exclude<InvitationProblem, 'unknown'>;
  createdAt: string;
  expiresAt: string;
}

/** Invitations with their state: every one for admin, a chief's department's for a chief. */
export async function invitationsFor(
  deps: Deps,
  actor: Actor,
): Promise<Result<InvitationView[], Failure>> {
  if (actor.role !== 'admin' && actor.role !== 'chief')
    return err(forbidden('Only admins and chiefs see invitations.'));
  const people = await listPeople(
    deps.db,
    actor.role === 'chief' ? (actor.departmentId ?? '') : undefined,
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const invitations = await listInvitations(
    deps.db,
    actor.role === 'chief' ? people.map((p) => p.id) : undefined,
  );
  const now = deps.now().toISOString();
  return ok(
    invitations.flatMap((i) => {
      const p = byId.get(i.personId);
      return p
        ? [
            {
              id: i.id,
              personId: p.id,
              name: p.name,
              email: p.email,
              role: p.role,
              departmentId: p.departmentId,
              state: stateOf(i, now),
              createdAt: i.createdAt,
              expiresAt: i.expiresAt,
            },
          ]
        : [];
    }),
  );
}

/** Revokes an open invitation (admin; a chief their department's). */
export async function revokeInvitation(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<{ id: string; state: 'revoked' }, Failure>> {
  const i = await invitationById(deps.db, id);
  const p = i ? await personById(deps.db, i.personId) : undefined;
  if (!i || !p) return err(notFound(`No invitation ${id}.`));
  const mine =
    actor.role === 'admin' || (actor.role === 'chief' && p.departmentId === actor.departmentId);
  if (!mine) return err(forbidden('This invitation is not yours to revoke.'));
  const state = stateOf(i, deps.now().toISOString());
  if (state === 'used')
    return err(
      conflict('This invitation was used already.', undefined, problem('invitation-used')),
    );
  const at = deps.now().toISOString();
  await deps.atomic([
    revokeInvitationQuery(deps.db, id, at),
    auditEntry(deps, actor, at, 'invitation.revoke', { type: 'invitation', id }, {}),
  ]);
  return ok({ id, state: 'revoked' });
}
