import { addDays } from '../calendar/index.ts';
import { groupBy } from '../collections.ts';
import type { Membership } from '../rotation/index.ts';
import type { IsoDate } from '../types.ts';
import type { Quarantine } from './record.ts';

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
  /**
   * Every window that keeps the member or the team home (none: never in standby), for a caller that
   * would otherwise ask of every day. Absent means not known.
   */
  spans?: (memberId: string, teamId: string) => readonly { from: IsoDate; to: IsoDate }[];
}

/** The last day of a quarantine: the day before its lift, or its end date. */
export const effectiveEnd = (q: { endDate: IsoDate; liftedFrom: IsoDate | null }): IsoDate =>
  q.liftedFrom !== null && addDays(q.liftedFrom, -1) < q.endDate
    ? addDays(q.liftedFrom, -1)
    : q.endDate;

/** The days a quarantine keeps its subject home, as the schedule, feeds and swaps see them. */
export const windowOf = (q: Quarantine): StandbyWindow => ({
  quarantineId: q.id,
  teamId: q.teamId,
  memberId: q.memberId,
  from: q.effectiveFrom,
  to: effectiveEnd(q),
});

/**
 * The standby windows of quarantines: each one's own, and for a team, one per person who was in the
 * team during its window — they stay home whatever team or rotation they are in meanwhile (a move
 * out of the team, or the next rotation, does not end their quarantine).
 */
export function standbyWindowsOf(
  quarantines: readonly Quarantine[],
  memberships: readonly Pick<Membership, 'memberId' | 'teamId' | 'fromDate' | 'toDate'>[],
): StandbyWindow[] {
  const own = quarantines.map(windowOf).filter((w) => w.from <= w.to);
  const people = quarantines
    .filter((q) => q.subject === 'team' && q.teamId)
    .flatMap((q) => {
      const w = windowOf(q);
      if (w.from > w.to) return [];
      const who = new Set(
        memberships
          .filter(
            (m) =>
              m.teamId === q.teamId &&
              m.fromDate <= w.to &&
              (m.toDate === null || m.toDate >= q.startDate),
          )
          .map((m) => m.memberId),
      );
      return [...who].sort().map((memberId): StandbyWindow => ({
        quarantineId: q.id,
        teamId: null,
        memberId,
        from: w.from,
        to: w.to,
      }));
    });
  return [...own, ...people];
}

const byId = (windows: readonly StandbyWindow[], key: 'teamId' | 'memberId') =>
  groupBy(
    windows.filter((w) => w[key] !== null),
    (w) => w[key]!,
  );

/** Is a team, or a member, in standby on a date? (Windows indexed by id: asked once per member and day.) */
export function standbyLookup(windows: readonly StandbyWindow[]): StandbyLookup {
  const teams = byId(windows, 'teamId');
  const members = byId(windows, 'memberId');
  const inside = (ws: StandbyWindow[] | undefined, date: IsoDate) =>
    ws !== undefined && ws.some((w) => w.from <= date && date <= w.to);
  return {
    team: (date, teamId) => inside(teams.get(teamId), date),
    member: (date, memberId) => inside(members.get(memberId), date),
    spans: (memberId, teamId) => [...(members.get(memberId) ?? []), ...(teams.get(teamId) ?? [])],
  };
}
