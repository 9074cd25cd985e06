import type { CompiledQuery, Kysely } from 'kysely';
import { insertRowsQueries, parameterGroups } from '../chunks.ts';
import type { DB, MembershipRow } from '../schema.ts';
import type { MembershipRecord } from '../../domain/rotation/index.ts';

/** A membership row as stored, read. */
export const membershipFromRow = (m: MembershipRow): MembershipRecord => ({
  id: m.id,
  rotationId: m.rotation_id,
  memberId: m.member_id,
  teamId: m.team_id,
  fromDate: m.from_date,
  toDate: m.to_date,
  officeFrom: m.office_from,
  closedOn: m.closed_on,
});

/** The memberships of the given teams (of any rotation), in groups within D1's parameter limit. */
export async function teamMemberships(
  db: Kysely<DB>,
  teamIds: readonly string[],
): Promise<MembershipRecord[]> {
  const groups = await Promise.all(
    parameterGroups([...new Set(teamIds)]).map((ids) =>
      db.selectFrom('memberships').selectAll().where('team_id', 'in', ids).execute(),
    ),
  );
  return groups.flat().map(membershipFromRow);
}

/** Stores new memberships, made at `at`. */
export function insertMembershipsQueries(
  db: Kysely<DB>,
  memberships: readonly MembershipRecord[],
  at: string,
): CompiledQuery[] {
  const rows = memberships.map((m) => ({
    id: m.id,
    rotation_id: m.rotationId,
    team_id: m.teamId,
    member_id: m.memberId,
    from_date: m.fromDate,
    to_date: m.toDate,
    office_from: m.officeFrom,
    closed_on: null,
    created_at: at,
  }));
  return insertRowsQueries(db, 'memberships', rows);
}

/** Ends a membership on `toDate`, inclusive (a move ends the old one the day before). */
export function closeMembershipQuery(
  db: Kysely<DB>,
  id: string,
  toDate: string,
  closedOn: string,
): CompiledQuery {
  return db
    .updateTable('memberships')
    .set({ to_date: toDate, closed_on: closedOn })
    .where('id', '=', id)
    .compile();
}

/** Moves a membership's first office day (the bridging rule after office days were added). */
export function setOfficeFromQuery(db: Kysely<DB>, id: string, officeFrom: string): CompiledQuery {
  return db
    .updateTable('memberships')
    .set({ office_from: officeFrom })
    .where('id', '=', id)
    .compile();
}

/** Deletes a membership (a move on the day it starts replaces it). */
export function deleteMembershipQuery(db: Kysely<DB>, id: string): CompiledQuery {
  return db.deleteFrom('memberships').where('id', '=', id).compile();
}
