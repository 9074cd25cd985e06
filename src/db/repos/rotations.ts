import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { insertChunks as chunks, parameterGroups } from '../chunks.ts';
import type { DB, MembershipRow, RotationRow, ShiftRow, TeamRow } from '../schema.ts';
import type { Membership, ShiftRecord, TeamRef } from '../../domain/rotation/index.ts';

export function findRotation(db: Kysely<DB>, id: string): Promise<RotationRow | undefined> {
  return db.selectFrom('rotations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listRotations(db: Kysely<DB>, departmentId: string): Promise<RotationRow[]> {
  return db
    .selectFrom('rotations')
    .selectAll()
    .where('department_id', '=', departmentId)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
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

/** Published rotations of a department overlapping [from, to] (other than `exceptId`), earliest first. */
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

export function teamsOf(db: Kysely<DB>, rotationId: string): Promise<TeamRow[]> {
  return db
    .selectFrom('teams')
    .selectAll()
    .where('rotation_id', '=', rotationId)
    .orderBy('ordinal')
    .execute();
}

/** The memberships of the given teams (of any rotation), in groups within D1's parameter limit. */
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

export function membershipsOf(db: Kysely<DB>, rotationId: string): Promise<MembershipRow[]> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('rotation_id', '=', rotationId)
    .orderBy('from_date')
    .orderBy('id')
    .execute();
}

/** A rotation's shifts, optionally within [from, to], by date and slot. */
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

export function insertRotationQuery(db: Kysely<DB>, row: RotationRow): CompiledQuery {
  return db.insertInto('rotations').values(row).compile();
}

export function insertTeamsQueries(db: Kysely<DB>, rows: TeamRow[]): CompiledQuery[] {
  return chunks(rows).map((c) => db.insertInto('teams').values(c).compile());
}

export function insertMembershipsQueries(db: Kysely<DB>, rows: MembershipRow[]): CompiledQuery[] {
  return chunks(rows).map((c) => db.insertInto('memberships').values(c).compile());
}

export function insertShiftsQueries(db: Kysely<DB>, rows: ShiftRow[]): CompiledQuery[] {
  return chunks(rows).map((c) => db.insertInto('shifts').values(c).compile());
}

/** Deletes a rotation's teams, memberships and shifts (a draft being regenerated). */
export function clearRotationQueries(db: Kysely<DB>, rotationId: string): CompiledQuery[] {
  return [
    db.deleteFrom('shifts').where('rotation_id', '=', rotationId).compile(),
    db.deleteFrom('memberships').where('rotation_id', '=', rotationId).compile(),
    db.deleteFrom('teams').where('rotation_id', '=', rotationId).compile(),
  ];
}

/** Drops a draft's shifts before `date` (days that passed while it was a draft were never worked). */
export function deleteShiftsBeforeQuery(
  db: Kysely<DB>,
  rotationId: string,
  date: string,
): CompiledQuery {
  return db
    .deleteFrom('shifts')
    .where('rotation_id', '=', rotationId)
    .where('date', '<', date)
    .compile();
}

export function closeMembershipQuery(db: Kysely<DB>, id: string, toDate: string): CompiledQuery {
  return db.updateTable('memberships').set({ to_date: toDate }).where('id', '=', id).compile();
}

/** Moves a membership's first office day (the bridging rule after office days were added). */
export function setOfficeFromQuery(db: Kysely<DB>, id: string, officeFrom: string): CompiledQuery {
  return db
    .updateTable('memberships')
    .set({ office_from: officeFrom })
    .where('id', '=', id)
    .compile();
}

export function deleteMembershipQuery(db: Kysely<DB>, id: string): CompiledQuery {
  return db.deleteFrom('memberships').where('id', '=', id).compile();
}

/**
 * Moves the rotation from `expected` to the next version, with other column changes. When the
 * stored version is not `expected` it writes NULL into a NOT NULL column, which fails the whole
 * atomic batch: optimistic concurrency that works inside a D1 batch as well as a transaction.
 */
export function bumpVersionQuery(
  db: Kysely<DB>,
  id: string,
  expected: number,
  set: {
    updated_at: string;
    status?: string;
    published_at?: string | null;
    seed?: number;
    buffer_dates?: string;
    start_date?: string;
  },
): CompiledQuery {
  return db
    .updateTable('rotations')
    .set({
      ...set,
      version: sql<number>`case when version = ${expected} then version + 1 else null end`,
    })
    .where('id', '=', id)
    .compile();
}

/** Did an atomic write fail because the rotation's version moved meanwhile? */
export const isVersionConflict = (e: unknown): boolean =>
  e instanceof Error && /NOT NULL constraint failed: rotations\.version/i.test(e.message);

export function findTeam(db: Kysely<DB>, id: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

export const teamRef = (t: TeamRow): TeamRef => ({ id: t.id, label: t.label });

export const membershipOf = (
  m: Pick<MembershipRow, 'member_id' | 'team_id' | 'from_date' | 'to_date' | 'office_from'>,
): Membership => ({
  memberId: m.member_id,
  teamId: m.team_id,
  fromDate: m.from_date,
  toDate: m.to_date,
  officeFrom: m.office_from,
});

export const shiftOf = (s: ShiftRow): ShiftRecord => ({
  id: s.id,
  teamId: s.team_id,
  date: s.date,
  slot: s.slot,
  start: s.start_time,
  end: s.end_time,
  status: s.status as 'scheduled' | 'cancelled',
  sequence: s.sequence,
});
