import { problem } from '../../domain/problems/index.ts';
import type { CompiledQuery } from 'kysely';
import {
  bumpDataVersionQuery,
  bumpRosterVersionQuery,
  isRosterConflict,
} from '../../db/repos/departments.ts';
import { revokeMemberFeedsQueries } from '../../db/repos/feeds.ts';
import {
  insertMembersQueries,
  updateMemberQuery,
  type MemberChange,
} from '../../db/repos/members.ts';
import { closeMembershipQuery, deleteMembershipQuery } from '../../db/repos/memberships.ts';
import { bumpVersionQuery, isVersionConflict } from '../../db/repos/rotations.ts';
import { endMemberSessionsQueries } from '../../db/repos/sessions.ts';
import { revokeMemberTokensQueries } from '../../db/repos/tokens.ts';
import { emailKey, type FieldChanges, type MembershipEnd } from '../../domain/roster/index.ts';
import type { Member } from '../../domain/types.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Deps } from '../deps.ts';
import { conflict, planChanged, type Failure } from '../failure.ts';
import { isSlackUserTaken, isUniqueViolation, slackUserTaken } from '../members/index.ts';
import type { RosterState } from './state.ts';

/** A member's stored change from a plan's field changes (the e-mail's key moves with the e-mail). */
export function memberChange(changes: FieldChanges, at: string): MemberChange {
  const change: MemberChange = { updatedAt: at };
  for (const [field, c] of Object.entries(changes)) Object.assign(change, { [field]: c.to });
  if (changes.email) change.emailKey = emailKey(changes.email.to);
  return change;
}

/**
 * The writes of a roster change, for one atomic batch: new members, changed ones, leavers
 * deactivated with their tokens, own feeds and sessions ended and their memberships ended, each touched
 * rotation's version moved (an edit based on the old one is refused), and the department's
 * versions moved — the roster's checked against `rosterVersion` when the change was based on one.
 */
export function rosterWrites(
  deps: Deps,
  state: RosterState,
  w: {
    at: string;
    added: readonly Member[];
    updated: readonly { id: string; changes: FieldChanges }[];
    leavers: readonly string[];
    ends: readonly MembershipEnd[];
    rosterVersion?: number;
  },
): CompiledQuery[] {
  const db = deps.db;
  const rotationOf = new Map(
    state.rotations.flatMap((r) => r.memberships.map((m) => [m.id, r.rotation])),
  );
  const touched = new Set(w.ends.map((e) => rotationOf.get(e.membershipId)!));
  return [
    ...insertMembersQueries(db, w.added),
    ...w.updated.map((u) => updateMemberQuery(db, u.id, memberChange(u.changes, w.at))),
    ...w.leavers.map((id) => updateMemberQuery(db, id, { active: false, updatedAt: w.at })),
    ...revokeMemberTokensQueries(db, w.leavers, w.at),
    ...revokeMemberFeedsQueries(db, w.leavers, w.at),
    ...endMemberSessionsQueries(db, w.leavers, w.at),
    ...w.ends.map((e) =>
      e.kind === 'delete'
        ? deleteMembershipQuery(db, e.membershipId)
        : closeMembershipQuery(db, e.membershipId, e.toDate, e.closedOn),
    ),
    ...[...touched].map((r) => bumpVersionQuery(db, r.id, r.version, { updatedAt: w.at })),
    bumpDataVersionQuery(db, state.department.id),
    bumpRosterVersionQuery(db, state.department.id, w.rosterVersion),
  ];
}

/** The roster changed since the client read it. */
export const staleRoster = (): Failure => ({
  kind: 'stale',
  ...problem('stale'),
  detail:
    "The department's members changed since you read them (If-Match does not match the roster's version); read them again, check the preview and send it again.",
});

/** Runs a roster change's batch; a lost race is a failure, never half a change. */
export async function runRosterWrites(
  deps: Deps,
  batch: Parameters<Deps['atomic']>[0],
): Promise<Result<true, Failure>> {
  try {
    await deps.atomic(batch);
    return ok(true);
  } catch (e) {
    if (isRosterConflict(e)) return err(staleRoster());
    if (isVersionConflict(e)) return err(planChanged());
    if (isSlackUserTaken(e))
      return err(
        conflict('A Slack member ID given is linked to another member; nothing changed.', [
          slackUserTaken('/members'),
        ]),
      );
    if (isUniqueViolation(e))
      return err(
        conflict(
          'Another request added one of these e-mails meanwhile; nothing changed.',
          undefined,
          problem('email-taken-meanwhile'),
        ),
      );
    throw e;
  }
}
