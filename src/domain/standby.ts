import { addDays } from './dates.ts';
import type { IsoDate } from './types.ts';

/** A quarantine as the schedule sees it: who, and the days it keeps them home. */
export interface StandbyWindow {
  teamId: string | null;
  memberId: string | null;
  /** The first day it changed anything (never before the day it was entered). */
  from: IsoDate;
  to: IsoDate;
}

/** The last day of a quarantine: the day before its lift, or its end date. */
export const effectiveEnd = (q: { end_date: string; lifted_from: string | null }): IsoDate =>
  q.lifted_from !== null && addDays(q.lifted_from, -1) < q.end_date ? addDays(q.lifted_from, -1) : q.end_date;

/** Is a team, or a member, in standby on a date? */
export function standbyLookup(windows: readonly StandbyWindow[]) {
  const teams = windows.filter((w) => w.teamId !== null);
  const members = windows.filter((w) => w.memberId !== null);
  return {
    team: (date: IsoDate, teamId: string) => teams.some((w) => w.teamId === teamId && w.from <= date && date <= w.to),
    member: (date: IsoDate, memberId: string) => members.some((w) => w.memberId === memberId && w.from <= date && date <= w.to),
  };
}
