import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { isNotNullViolation } from '../errors.ts';
import { insertRowsQueries, parameterGroups } from '../chunks.ts';
import { fromJson, toJson } from '../json.ts';
import type { DB, RotationRow, TeamRow } from '../schema.ts';
import type {
  MembershipRecord,
  Rotation,
  ShiftRecord,
  Team,
  TeamRef,
} from '../../domain/rotation/index.ts';
import { membershipFromRow } from './memberships.ts';
import { shiftFromRow } from './shifts.ts';
import type { IsoDate } from '../../domain/types.ts';

/** A rotation as stored, its pattern, constraints and buffer dates read. */
export const rotationFromRow = (r: RotationRow): Rotation => ({
  id: r.id,
  departmentId: r.department_id,
  name: r.name,
  startDate: r.start_date,
  endDate: r.end_date,
  teamCount: r.team_count,
  pattern: fromJson(r.pattern),
  constraints: fromJson(r.constraints),
  seed: r.seed,
  bufferDates: fromJson(r.buffer_dates),
  closedDates: fromJson(r.closed_dates),
  status: r.status,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
});

const teamFromRow = (t: TeamRow): Team => ({
  id: t.id,
  label: t.label,
  rotationId: t.rotation_id,
  ordinal: t.ordinal,
});

/** One rotation by id, or undefined. */
export async function rotationById(db: Kysely<DB>, id: string): Promise<Rotation | undefined> {
  const row = await db.selectFrom('rotations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rotationFromRow(row);
}

/** A department's rotations, earliest first. */
export async function listRotations(db: Kysely<DB>, departmentId: string): Promise<Rotation[]> {
  const rows = await db
    .selectFrom('rotations')
    .selectAll()
    .where('department_id', '=', departmentId)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
  return rows.map(rotationFromRow);
}

/** Published rotations of a department overlapping [from, to] (other than `exceptId`), earliest first. */
export async function publishedRotations(
  db: Kysely<DB>,
  departmentId: string,
  from: string,
  to: string,
  exceptId?: string,
): Promise<Rotation[]> {
  let q = db
    .selectFrom('rotations')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('status', '=', 'published')
    .where('start_date', '<=', to)
    .where('end_date', '>=', from);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.orderBy('start_date').orderBy('id').execute()).map(rotationFromRow);
}

/** A department's rotations (draft or published) that have days on or after `from`. */
export async function rotationsFrom(
  db: Kysely<DB>,
  departmentId: string,
  from: string,
): Promise<Rotation[]> {
  const rows = await db
    .selectFrom('rotations')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('end_date', '>=', from)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
  return rows.map(rotationFromRow);
}

/** The teams of the given rotations, in groups within D1's parameter limit. */
export async function teamsOfRotations(
  db: Kysely<DB>,
  rotationIds: readonly string[],
): Promise<Team[]> {
  const groups = await Promise.all(
    parameterGroups([...new Set(rotationIds)]).map((ids) =>
      db
        .selectFrom('teams')
        .selectAll()
        .where('rotation_id', 'in', ids)
        .orderBy('ordinal')
        .execute(),
    ),
  );
  return groups.flat().map(teamFromRow);
}

/** A team of a published rotation, with the rotation's name, dates and department. */
export interface PublishedTeam extends TeamRef {
  rotationId: string;
  rotationName: string;
  startDate: IsoDate;
  endDate: IsoDate;
  departmentId: string;
}

/** The teams of every published rotation, in rotation order. */
export async function publishedTeams(db: Kysely<DB>): Promise<PublishedTeam[]> {
  const rows = await db
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
  return rows.map((t) => ({
    id: t.id,
    label: t.label,
    rotationId: t.rotation_id,
    rotationName: t.rotation_name,
    startDate: t.start_date,
    endDate: t.end_date,
    departmentId: t.department_id,
  }));
}

/** One team by id, or undefined. */
export async function teamById(db: Kysely<DB>, id: string): Promise<Team | undefined> {
  const row = await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  return row && teamFromRow(row);
}

/** A rotation's teams in order. */
export async function rotationTeams(db: Kysely<DB>, rotationId: string): Promise<Team[]> {
  const rows = await db
    .selectFrom('teams')
    .selectAll()
    .where('rotation_id', '=', rotationId)
    .orderBy('ordinal')
    .execute();
  return rows.map(teamFromRow);
}

/** A rotation's memberships, by from date. */
export async function rotationMemberships(
  db: Kysely<DB>,
  rotationId: string,
): Promise<MembershipRecord[]> {
  const rows = await db
    .selectFrom('memberships')
    .selectAll()
    .where('rotation_id', '=', rotationId)
    .orderBy('from_date')
    .orderBy('id')
    .execute();
  return rows.map(membershipFromRow);
}

/** A rotation's shifts, optionally within [from, to], by date and slot. */
export async function rotationShifts(
  db: Kysely<DB>,
  rotationId: string,
  range: { from?: string; to?: string } = {},
): Promise<ShiftRecord[]> {
  let q = db.selectFrom('shifts').selectAll().where('rotation_id', '=', rotationId);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  const rows = await q.orderBy('date').orderBy('slot').orderBy('status', 'desc').execute();
  return rows.map(shiftFromRow);
}

/** Stores a new rotation. */
export function insertRotationQuery(db: Kysely<DB>, r: Rotation): CompiledQuery {
  return db
    .insertInto('rotations')
    .values({
      id: r.id,
      department_id: r.departmentId,
      name: r.name,
      start_date: r.startDate,
      end_date: r.endDate,
      team_count: r.teamCount,
      pattern: toJson(r.pattern),
      constraints: toJson(r.constraints),
      seed: r.seed,
      buffer_dates: toJson(r.bufferDates),
      status: r.status,
      version: r.version,
      created_at: r.createdAt,
      updated_at: r.updatedAt,
      published_at: r.publishedAt,
    })
    .compile();
}

/** Stores new teams. */
export function insertTeamsQueries(db: Kysely<DB>, teams: readonly Team[]): CompiledQuery[] {
  const rows = teams.map((t) => ({
    id: t.id,
    rotation_id: t.rotationId,
    label: t.label,
    ordinal: t.ordinal,
  }));
  return insertRowsQueries(db, 'teams', rows);
}

/** Deletes a rotation's teams, memberships and shifts (a draft being regenerated). */
export function clearRotationQueries(db: Kysely<DB>, rotationId: string): CompiledQuery[] {
  return [
    db.deleteFrom('shifts').where('rotation_id', '=', rotationId).compile(),
    db.deleteFrom('memberships').where('rotation_id', '=', rotationId).compile(),
    db.deleteFrom('teams').where('rotation_id', '=', rotationId).compile(),
  ];
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
    updatedAt: string;
    status?: Rotation['status'];
    publishedAt?: string | null;
    seed?: number;
    bufferDates?: IsoDate[];
    closedDates?: IsoDate[];
    startDate?: IsoDate;
  },
): CompiledQuery {
  return db
    .updateTable('rotations')
    .set({
      updated_at: set.updatedAt,
      ...(set.status !== undefined ? { status: set.status } : {}),
      ...(set.publishedAt !== undefined ? { published_at: set.publishedAt } : {}),
      ...(set.seed !== undefined ? { seed: set.seed } : {}),
      ...(set.bufferDates !== undefined ? { buffer_dates: toJson(set.bufferDates) } : {}),
      ...(set.closedDates !== undefined ? { closed_dates: toJson(set.closedDates) } : {}),
      ...(set.startDate !== undefined ? { start_date: set.startDate } : {}),
      version: sql<number>`case when version = ${expected} then version + 1 else null end`,
    })
    .where('id', '=', id)
    .compile();
}

/** Did an atomic write fail because the rotation's version moved meanwhile? */
export const isVersionConflict = (e: unknown): boolean =>
  isNotNullViolation(e, 'rotations', 'version');
