import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { StandbyWindow } from '../../domain/quarantine/index.ts';
import type { Membership } from '../../domain/rotation/index.ts';
import type { IsoDate, RemoteAccess } from '../../domain/types.ts';
import { quarantinesIn, windowsOf } from './quarantines.ts';

/**
 * What remote demand is computed from, read in a handful of queries whatever the number of
 * departments: the published rotations overlapping [from, to] (of one department, or all), their
 * memberships, their scheduled office days in the window, the active members who need a remote
 * resource, and the quarantines.
 */
export interface DemandScope {
  from: string;
  to: string;
  /** One department; all when absent. */
  departmentId?: string;
}

/** The published rotations overlapping the scope's window (of one department, or all): a query to go on with. */
export function publishedInScope(db: Kysely<DB>, s: DemandScope) {
  let q = db
    .selectFrom('rotations')
    .where('rotations.status', '=', 'published')
    .where('rotations.start_date', '<=', s.to)
    .where('rotations.end_date', '>=', s.from);
  if (s.departmentId) q = q.where('rotations.department_id', '=', s.departmentId);
  return q;
}

/** The published rotations in scope, by department, then start. */
export async function demandRotations(
  db: Kysely<DB>,
  s: DemandScope,
): Promise<{ id: string; departmentId: string; startDate: IsoDate; endDate: IsoDate }[]> {
  const rows = await publishedInScope(db, s)
    .select(['id', 'department_id', 'start_date', 'end_date'])
    .orderBy('department_id')
    .orderBy('start_date')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    departmentId: r.department_id,
    startDate: r.start_date,
    endDate: r.end_date,
  }));
}

/** The teams of those rotations, in order. */
export async function demandTeams(
  db: Kysely<DB>,
  s: DemandScope,
): Promise<{ id: string; rotationId: string }[]> {
  const rows = await publishedInScope(db, s)
    .innerJoin('teams', 'teams.rotation_id', 'rotations.id')
    .select(['teams.id', 'teams.rotation_id'])
    .orderBy('teams.ordinal')
    .execute();
  return rows.map((t) => ({ id: t.id, rotationId: t.rotation_id }));
}

/**
 * Memberships of the rotations, in the order a member's schedule reads them (from date, id). The
 * columns are named as the record's fields in the query (thousands of rows: no second copy).
 */
export async function demandMemberships(
  db: Kysely<DB>,
  s: DemandScope,
): Promise<(Membership & { rotationId: string })[]> {
  return publishedInScope(db, s)
    .innerJoin('memberships', 'memberships.rotation_id', 'rotations.id')
    .select([
      'memberships.member_id as memberId',
      'memberships.team_id as teamId',
      'memberships.from_date as fromDate',
      'memberships.to_date as toDate',
      'memberships.office_from as officeFrom',
      'memberships.rotation_id as rotationId',
    ])
    .orderBy('memberships.from_date')
    .orderBy('memberships.id')
    .execute();
}

/** Which team is in the office on which date (scheduled shifts only, inside the window), named as the record's fields. */
export async function demandOfficeDays(
  db: Kysely<DB>,
  s: DemandScope,
): Promise<{ rotationId: string; teamId: string; date: IsoDate }[]> {
  return publishedInScope(db, s)
    .innerJoin('shifts', 'shifts.rotation_id', 'rotations.id')
    .select(['shifts.rotation_id as rotationId', 'shifts.team_id as teamId', 'shifts.date as date'])
    .where('shifts.status', '=', 'scheduled')
    .where('shifts.date', '>=', s.from)
    .where('shifts.date', '<=', s.to)
    .execute();
}

/** The standby windows of the quarantines in force at some point of the scope. */
export async function demandWindows(db: Kysely<DB>, s: DemandScope): Promise<StandbyWindow[]> {
  return windowsOf(db, await quarantinesIn(db, s.departmentId, s));
}

/** Active members who need a thin-client seat or a loan PC when they are not in the office. */
export async function membersNeedingRemote(
  db: Kysely<DB>,
  departmentId?: string,
): Promise<{ id: string; remoteAccess: RemoteAccess }[]> {
  let q = db
    .selectFrom('members')
    .select(['id', 'remote_access'])
    .where('active', '=', 1)
    .where('remote_access', 'in', ['thin-client', 'loan-pc']);
  if (departmentId) q = q.where('department_id', '=', departmentId);
  return (await q.execute()).map((m) => ({ id: m.id, remoteAccess: m.remote_access }));
}
