import { departmentMembersAnyOrder } from '../../db/repos/members.ts';
import { inReadingOrder } from '../../domain/collections.ts';
import { coversDate } from '../../domain/rotation/index.ts';
import type { Department, IsoDate, Member } from '../../domain/types.ts';
import { departmentDays, memberDays, type FeedDayKind } from '../../feeds/feed-days.ts';
import type { Deps } from '../deps.ts';
import { feedContext } from '../feeds/index.ts';

/** An office team of the day with the people actually in (bridging and standby applied). */
export interface OfficeTeam {
  id: string;
  label: string;
  /** The team's hours that day (its first and last slot). */
  start: string;
  end: string;
  people: Member[];
}

/** A department's day: what kind of day it is and, on an office day, its teams and who is in. */
export interface OfficeDay {
  date: IsoDate;
  /** 'none': not a working day, or no published rotation holds it. */
  kind: FeedDayKind | 'none';
  teams: OfficeTeam[];
}

/**
 * Who is in the office on a date: read as the feeds read it (published rotations, overrides,
 * standby), so a member still bridging to their new team, or on standby, is not counted in.
 * Never says why anyone is out.
 */
export async function officeDay(
  deps: Deps,
  department: Department,
  date: IsoDate,
): Promise<OfficeDay> {
  const ctx = await feedContext(deps, department, date, date);
  const day = departmentDays(ctx).find((d) => d.date === date);
  if (!day) return { date, kind: 'none', teams: [] };
  if (day.kind !== 'office') return { date, kind: day.kind, teams: [] };
  const members = await departmentMembersAnyOrder(deps.db, department.id, true);
  const teams: OfficeTeam[] = [];
  for (const rotation of ctx.rotations) {
    for (const teamId of day.officeTeamIds) {
      const team = rotation.teams.find((t) => t.id === teamId);
      if (!team) continue;
      const shifts = rotation.shifts.filter((s) => s.date === date && s.teamId === teamId);
      const inTeam = new Set(
        rotation.memberships
          .filter((m) => m.teamId === teamId && coversDate(m, date))
          .map((m) => m.memberId),
      );
      const people = members.filter(
        (m) =>
          inTeam.has(m.id) &&
          memberDays(ctx, m.id).some((d) => d.date === date && d.kind === 'office'),
      );
      teams.push({
        id: team.id,
        label: team.label,
        start: shifts.reduce((a, s) => (s.start < a ? s.start : a), shifts[0]?.start ?? day.start),
        end: shifts.reduce((a, s) => (s.end > a ? s.end : a), shifts[0]?.end ?? day.end),
        people: inReadingOrder(people),
      });
    }
  }
  return { date, kind: 'office', teams };
}
