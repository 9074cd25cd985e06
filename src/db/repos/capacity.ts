import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

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

function published(db: Kysely<DB>, s: DemandScope) {
  let q = db
    .selectFrom('rotations')
    .where('rotations.status', '=', 'published')
    .where('rotations.start_date', '<=', s.to)
    .where('rotations.end_date', '>=', s.from);
  if (s.departmentId) q = q.where('rotations.department_id', '=', s.departmentId);
  return q;
}

export function demandRotations(db: Kysely<DB>, s: DemandScope) {
  return published(db, s)
    .select(['id', 'department_id', 'start_date', 'end_date'])
    .orderBy('department_id')
    .orderBy('start_date')
    .execute();
}

export function demandTeams(db: Kysely<DB>, s: DemandScope) {
  return published(db, s)
    .innerJoin('teams', 'teams.rotation_id', 'rotations.id')
    .select(['teams.id', 'teams.rotation_id'])
    .orderBy('teams.ordinal')
    .execute();
}

/** Memberships of the rotations, in the order a member's schedule reads them (from date, id). */
export function demandMemberships(db: Kysely<DB>, s: DemandScope) {
  return published(db, s)
    .innerJoin('memberships', 'memberships.rotation_id', 'rotations.id')
    .select([
      'memberships.rotation_id',
      'memberships.team_id',
      'memberships.member_id',
      'memberships.from_date',
      'memberships.to_date',
      'memberships.office_from',
    ])
    .orderBy('memberships.from_date')
    .orderBy('memberships.id')
    .execute();
}

/** Which team is in the office on which date (scheduled shifts only, inside the window). */
export function demandOfficeDays(db: Kysely<DB>, s: DemandScope) {
  return published(db, s)
    .innerJoin('shifts', 'shifts.rotation_id', 'rotations.id')
    .select(['shifts.rotation_id', 'shifts.team_id', 'shifts.date'])
    .where('shifts.status', '=', 'scheduled')
    .where('shifts.date', '>=', s.from)
    .where('shifts.date', '<=', s.to)
    .execute();
}

/** Active members who need a thin-client seat or a loan PC when they are not in the office. */
export function membersNeedingRemote(db: Kysely<DB>, departmentId?: string) {
  let q = db
    .selectFrom('members')
    .select(['id', 'remote_access'])
    .where('active', '=', 1)
    .where('remote_access', 'in', ['thin-client', 'loan-pc']);
  if (departmentId) q = q.where('department_id', '=', departmentId);
  return q.execute();
}
