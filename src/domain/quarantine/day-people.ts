import { coversDate, type Membership } from '../rotation/index.ts';
import { memberDayKind } from './member-day.ts';
import type { StandbyLookup } from './standby.ts';
import type { IsoDate } from '../types.ts';

/** Who is in the office with each team on a day, and who is on standby (never why). */
export interface DayPeople {
  /** By team: the members in the office when the team is (bridging and standby applied). */
  inOffice: Map<string, string[]>;
  standby: string[];
}

/**
 * The people of one day of a rotation, by the one rule of `memberDayKind`: a member whose
 * membership has not reached its `officeFrom` works remotely on their new team's days, and a
 * member in standby (themselves or through their team) is listed as standby only.
 */
export function dayPeople(
  memberships: readonly Membership[],
  date: IsoDate,
  officeTeamIds: ReadonlySet<string>,
  standby: StandbyLookup,
): DayPeople {
  const inOffice = new Map<string, string[]>();
  const away = new Set<string>();
  for (const m of memberships) {
    if (!coversDate(m, date)) continue;
    const kind = memberDayKind(m, date, officeTeamIds.has(m.teamId), standby);
    if (kind === 'office') inOffice.set(m.teamId, [...(inOffice.get(m.teamId) ?? []), m.memberId]);
    else if (kind === 'standby') away.add(m.memberId);
  }
  return { inOffice, standby: [...away] };
}
