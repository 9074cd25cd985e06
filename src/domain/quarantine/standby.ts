import { addDays } from '../calendar/index.ts';
import type { IsoDate } from '../types.ts';

/** A quarantine as the schedule sees it: who, and the days it keeps them home. */
export interface StandbyWindow {
  /** The quarantine it comes from, when it comes from a stored one. */
  quarantineId?: string;
  teamId: string | null;
  memberId: string | null;
  /** The first day it changed anything (never before the day it was entered). */
  from: IsoDate;
  to: IsoDate;
}

/** Who is in standby (quarantine) on a date; never why. */
export interface StandbyLookup {
  team: (date: IsoDate, teamId: string) => boolean;
  member: (date: IsoDate, memberId: string) => boolean;
}

/** The last day of a quarantine: the day before its lift, or its end date. */
export const effectiveEnd = (q: { end_date: string; lifted_from: string | null }): IsoDate =>
  q.lifted_from !== null && addDays(q.lifted_from, -1) < q.end_date
    ? addDays(q.lifted_from, -1)
    : q.end_date;

function byId(
  windows: readonly StandbyWindow[],
  key: 'teamId' | 'memberId',
): Map<string, StandbyWindow[]> {
  const out = new Map<string, StandbyWindow[]>();
  for (const w of windows) {
    const id = w[key];
    if (id !== null) (out.get(id) ?? out.set(id, []).get(id)!).push(w);
  }
  return out;
}

/** Is a team, or a member, in standby on a date? (Windows indexed by id: asked once per member and day.) */
export function standbyLookup(windows: readonly StandbyWindow[]): StandbyLookup {
  const teams = byId(windows, 'teamId');
  const members = byId(windows, 'memberId');
  const inside = (ws: StandbyWindow[] | undefined, date: IsoDate) =>
    ws !== undefined && ws.some((w) => w.from <= date && date <= w.to);
  return {
    team: (date, teamId) => inside(teams.get(teamId), date),
    member: (date, memberId) => inside(members.get(memberId), date),
  };
}
