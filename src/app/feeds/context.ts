import { standbyWindows } from '../../db/repos/quarantines.ts';
import { calendarOf, findDepartment } from '../../db/repos/departments.ts';
import {
  membershipOf,
  shiftOf,
  teamRef,
  publishedRotationsIn,
  membershipsOf,
  shiftsOf,
  teamsOf,
} from '../../db/repos/rotations.ts';
import { addDays } from '../../domain/calendar/index.ts';
import { standbyLookup } from '../../domain/quarantine/index.ts';
import type { IsoDate, Language } from '../../domain/types.ts';
import type { DepartmentRow } from '../../db/schema.ts';
import type { FeedContext, FeedRotation } from '../../feeds/feed-days.ts';
import type { Deps } from '../deps.ts';

/** Feeds show from 30 days back to the end of the rotations, at most a year ahead (FEEDS.md 5). */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 365;

/** The published rotations of a department that overlap [from, to], as feeds see them. */
export async function feedContext(
  deps: Deps,
  department: DepartmentRow,
  from: IsoDate,
  to: IsoDate,
  onlyRotationId?: string,
): Promise<FeedContext> {
  const rows = (await publishedRotationsIn(deps.db, department.id, from, to)).filter(
    (r) => !onlyRotationId || r.id === onlyRotationId,
  );
  const rotations: FeedRotation[] = await Promise.all(
    rows.map(async (r) => {
      const [teams, memberships, shifts] = await Promise.all([
        teamsOf(deps.db, r.id),
        membershipsOf(deps.db, r.id),
        shiftsOf(deps.db, r.id, { from, to }),
      ]);
      return {
        startDate: r.start_date,
        endDate: r.end_date,
        teams: teams.map(teamRef),
        memberships: memberships.map(membershipOf),
        shifts: shifts.filter((s) => s.status === 'scheduled').map(shiftOf),
        bufferDates: new Set(JSON.parse(r.buffer_dates) as string[]),
      };
    }),
  );
  const standby = standbyLookup(await standbyWindows(deps.db, department.id, { from, to }));
  return {
    calendar: calendarOf(department),
    language: department.language as Language,
    rotations,
    from,
    to,
    standby,
  };
}

/** The feed window for today: 30 days back to the last published day, at most a year ahead. */
export async function feedWindow(
  deps: Deps,
  department: DepartmentRow,
  today: IsoDate,
): Promise<{ from: IsoDate; to: IsoDate }> {
  const from = addDays(today, -FEED_DAYS_BACK);
  const horizon = addDays(today, FEED_DAYS_AHEAD);
  const rotations = await publishedRotationsIn(deps.db, department.id, from, horizon);
  const lastEnd = rotations.reduce((m, r) => (r.end_date > m ? r.end_date : m), from);
  return { from, to: lastEnd < horizon ? lastEnd : horizon };
}

export async function departmentRow(deps: Deps, id: string): Promise<DepartmentRow> {
  return (await findDepartment(deps.db, id))!;
}
