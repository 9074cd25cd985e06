import { standbyWindows } from '../../db/repos/quarantines.ts';
import { departmentById } from '../../db/repos/departments.ts';
import {
  publishedRotations,
  rotationMemberships,
  rotationShifts,
  rotationTeams,
} from '../../db/repos/rotations.ts';
import { addDays, calendarOf } from '../../domain/calendar/index.ts';
import { standbyLookup } from '../../domain/quarantine/index.ts';
import { toMembership, toTeamRef } from '../../domain/rotation/index.ts';
import type { Department, IsoDate } from '../../domain/types.ts';
import { memberDays, type FeedContext, type FeedRotation } from '../../feeds/feed-days.ts';
import type { Deps } from '../deps.ts';

/** Feeds show from 30 days back to the end of the rotations, at most a year ahead (FEEDS.md 5). */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 365;

/** The published rotations of a department that overlap [from, to], as feeds see them. */
export async function feedContext(
  deps: Deps,
  department: Department,
  from: IsoDate,
  to: IsoDate,
  onlyRotationId?: string,
): Promise<FeedContext> {
  const published = (await publishedRotations(deps.db, department.id, from, to)).filter(
    (r) => !onlyRotationId || r.id === onlyRotationId,
  );
  const rotations: FeedRotation[] = await Promise.all(
    published.map(async (r) => {
      const [teams, memberships, shifts] = await Promise.all([
        rotationTeams(deps.db, r.id),
        rotationMemberships(deps.db, r.id),
        rotationShifts(deps.db, r.id, { from, to }),
      ]);
      return {
        startDate: r.startDate,
        endDate: r.endDate,
        teams: teams.map(toTeamRef),
        memberships: memberships.map(toMembership),
        shifts: shifts.filter((s) => s.status === 'scheduled'),
        bufferDates: new Set(r.bufferDates),
        closedDates: new Set(r.closedDates),
      };
    }),
  );
  const standby = standbyLookup(await standbyWindows(deps.db, department.id, { from, to }));
  return {
    calendar: calendarOf(department),
    language: department.language,
    rotations,
    from,
    to,
    standby,
  };
}

/** The feed window for today: 30 days back to the last published day, at most a year ahead. */
export async function feedWindow(
  deps: Deps,
  department: Department,
  today: IsoDate,
): Promise<{ from: IsoDate; to: IsoDate }> {
  const from = addDays(today, -FEED_DAYS_BACK);
  const horizon = addDays(today, FEED_DAYS_AHEAD);
  const rotations = await publishedRotations(deps.db, department.id, from, horizon);
  const lastEnd = rotations.reduce((m, r) => (r.endDate > m ? r.endDate : m), from);
  return { from, to: lastEnd < horizon ? lastEnd : horizon };
}

/** A department known to exist (a feed's or a member's). */
export async function departmentOf(deps: Deps, id: string): Promise<Department> {
  return (await departmentById(deps.db, id))!;
}

/** A member's days as JSON: what their feed shows (remote days included), for apps and pages. */
export async function memberScheduleDays(
  deps: Deps,
  memberId: string,
  department: Department,
  from: string,
  to: string,
) {
  const ctx = await feedContext(deps, department, from, to);
  return memberDays(ctx, memberId);
}
