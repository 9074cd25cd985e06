import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Rotation, ShiftRecord, Team } from '../../domain/rotation/index.ts';
import type { IsoDate, Position, RemoteAccess } from '../../domain/types.ts';
import { rotationFromRow } from './rotations.ts';
import { publishedInScope, type DemandScope } from './capacity.ts';

/**
 * What a board is read from, in a handful of queries whatever the number of departments: the
 * published rotations overlapping [from, to] (of one department, or all), their teams, their
 * scheduled office shifts in the window, and the active members.
 */
export type BoardScope = DemandScope;

/** The published rotations in scope, by department, then start. */
export async function boardRotations(db: Kysely<DB>, s: BoardScope): Promise<Rotation[]> {
  const rows = await publishedInScope(db, s)
    .selectAll()
    .orderBy('department_id')
    .orderBy('start_date')
    .orderBy('id')
    .execute();
  return rows.map(rotationFromRow);
}

/** The teams of those rotations, in order. */
export async function boardTeams(db: Kysely<DB>, s: BoardScope): Promise<Team[]> {
  const rows = await publishedInScope(db, s)
    .innerJoin('teams', 'teams.rotation_id', 'rotations.id')
    .select(['teams.id', 'teams.label', 'teams.rotation_id', 'teams.ordinal'])
    .orderBy('teams.ordinal')
    .execute();
  return rows.map((t) => ({
    id: t.id,
    label: t.label,
    rotationId: t.rotation_id,
    ordinal: t.ordinal,
  }));
}

/** The scheduled office shifts of those rotations inside the window, named as the record's fields. */
export async function boardShifts(
  db: Kysely<DB>,
  s: BoardScope,
): Promise<
  (Pick<ShiftRecord, 'teamId' | 'date' | 'slot' | 'start' | 'end' | 'status'> & {
    rotationId: string;
  })[]
> {
  return publishedInScope(db, s)
    .innerJoin('shifts', 'shifts.rotation_id', 'rotations.id')
    .select([
      'shifts.rotation_id as rotationId',
      'shifts.team_id as teamId',
      'shifts.date as date',
      'shifts.slot as slot',
      'shifts.start_time as start',
      'shifts.end_time as end',
      'shifts.status as status',
    ])
    .where('shifts.status', '=', 'scheduled')
    .where('shifts.date', '>=', s.from)
    .where('shifts.date', '<=', s.to)
    .execute();
}

/** An active member as a board needs them: who, where, and what they need when not in the office. */
export interface BoardMember {
  id: string;
  departmentId: string;
  name: string;
  kana: string | null;
  position: Position;
  remoteAccess: RemoteAccess;
}

/** The active members of one department (or all), in no particular order. */
export async function boardMembers(db: Kysely<DB>, departmentId?: string): Promise<BoardMember[]> {
  let q = db
    .selectFrom('members')
    .select([
      'id',
      'department_id as departmentId',
      'name',
      'kana',
      'position',
      'remote_access as remoteAccess',
    ])
    .where('active', '=', 1);
  if (departmentId) q = q.where('department_id', '=', departmentId);
  return q.execute();
}
