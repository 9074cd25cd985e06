import type { CompiledQuery, Kysely } from 'kysely';
import { insertChunks as chunks, parameterGroups } from '../chunks.ts';
import type { DB, MembershipRow, RotationRow, ShiftRow, TeamRow } from '../schema.ts';
import type { Membership, ShiftRecord, TeamRef } from '../../domain/rotation/index.ts';

// Row-level reads and writes of rotations, teams, memberships and shifts: the mappers the record
// functions of rotations.ts use, and what app/quarantines still reads as rows.

/** The row of one rotation: app/quarantines reads rows until it moves to rotationById. */
export function findRotation(db: Kysely<DB>, id: string): Promise<RotationRow | undefined> {
  return db.selectFrom('rotations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The teams of every published rotation, with their rotation's name, dates and department, in rotation order. */
export function publishedTeams(db: Kysely<DB>) {
  return db
    .selectFrom('teams')
    .innerJoin('rotations', 'rotations.id', 'teams.rotation_id')
    .where('rotations.status', '=', 'published')
    .select([
      'teams.id as id',
      'teams.label as label',
      'rotations.id as rotation_id',
      'rotations.name as rotation_name',
      'rotations.start_date as start_date',
      'rotations.end_date as end_date',
      'rotations.department_id as department_id',
    ])
    .orderBy('rotations.start_date')
    .orderBy('rotations.id')
    .orderBy('teams.label')
    .execute();
}

/** The rows of published rotations: app/quarantines reads rows until it moves to publishedRotations. */
export function publishedRotationsIn(
  db: Kysely<DB>,
  departmentId: string,
  from: string,
  to: string,
  exceptId?: string,
): Promise<RotationRow[]> {
  let q = db
    .selectFrom('rotations')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('status', '=', 'published')
    .where('start_date', '<=', to)
    .where('end_date', '>=', from);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.orderBy('start_date').orderBy('id').execute();
}

/** The rows of a rotation's teams: app/quarantines reads rows until it moves to rotationTeams. */
export function teamsOf(db: Kysely<DB>, rotationId: string): Promise<TeamRow[]> {
  return db
    .selectFrom('teams')
    .selectAll()
    .where('rotation_id', '=', rotationId)
    .orderBy('ordinal')
    .execute();
}

/** The membership rows of the given teams (of any rotation), in groups within D1's parameter limit. */
export async function membershipsOfTeams(
  db: Kysely<DB>,
  teamIds: readonly string[],
): Promise<MembershipRow[]> {
  const groups = await Promise.all(
    parameterGroups([...new Set(teamIds)]).map((ids) =>
      db.selectFrom('memberships').selectAll().where('team_id', 'in', ids).execute(),
    ),
  );
  return groups.flat();
}

/** The rows of a rotation's memberships: app/quarantines reads rows until it moves to rotationMemberships. */
export function membershipsOf(db: Kysely<DB>, rotationId: string): Promise<MembershipRow[]> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('rotation_id', '=', rotationId)
    .orderBy('from_date')
    .orderBy('id')
    .execute();
}

/** The rows of a rotation's shifts: app/quarantines reads rows until it moves to rotationShifts. */
export function shiftsOf(
  db: Kysely<DB>,
  rotationId: string,
  range: { from?: string; to?: string } = {},
): Promise<ShiftRow[]> {
  let q = db.selectFrom('shifts').selectAll().where('rotation_id', '=', rotationId);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  return q.orderBy('date').orderBy('slot').orderBy('status', 'desc').execute();
}

/**
 * Stores shift rows as app/quarantines builds them (its status a plain string) until it moves to
 * insertShiftRecordsQueries.
 */
export function insertShiftsQueries(
  db: Kysely<DB>,
  rows: readonly (Omit<ShiftRow, 'status'> & { status: string })[],
): CompiledQuery[] {
  return chunks(rows as readonly ShiftRow[]).map((c) =>
    db.insertInto('shifts').values(c).compile(),
  );
}

/** The row of one team: app/quarantines reads rows until it moves to teamById. */
export function findTeam(db: Kysely<DB>, id: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A team row as the domain refers to it. */
export const teamRef = (t: TeamRow): TeamRef => ({ id: t.id, label: t.label });

/** A membership row as the domain sees it. */
export const membershipOf = (
  m: Pick<MembershipRow, 'member_id' | 'team_id' | 'from_date' | 'to_date' | 'office_from'>,
): Membership => ({
  memberId: m.member_id,
  teamId: m.team_id,
  fromDate: m.from_date,
  toDate: m.to_date,
  officeFrom: m.office_from,
});

/** A shift row as the domain sees it. */
export const shiftOf = (s: ShiftRow): ShiftRecord => ({
  id: s.id,
  teamId: s.team_id,
  date: s.date,
  slot: s.slot,
  start: s.start_time,
  end: s.end_time,
  status: s.status,
  sequence: s.sequence,
});
