import { addDays, maxDate } from '../calendar/index.ts';
import { groupBy } from '../collections.ts';
import { inOfficeOn, type Membership, type ShiftRecord } from './model.ts';
import type { IsoDate } from '../types.ts';

/** The member's last office day before `before` with a team other than `exceptTeamId`, or null. */
export function lastOfficeDay(
  memberId: string,
  memberships: Membership[],
  shifts: ShiftRecord[],
  before: IsoDate,
  exceptTeamId: string | null = null,
): IsoDate | null {
  const mine = memberships.filter((m) => m.memberId === memberId && m.teamId !== exceptTeamId);
  let last: IsoDate | null = null;
  for (const s of shifts) {
    if (s.status !== 'scheduled' || s.date >= before || (last !== null && s.date <= last)) continue;
    if (mine.some((m) => m.teamId === s.teamId && inOfficeOn(m, s.date))) last = s.date;
  }
  return last;
}

/**
 * Bridging rule: a member moved to team `toTeamId` on `effectiveDate` joins its office days only
 * once the exposure window has passed since their last office day with any other team. A move
 * effective `today` counts today's office day with the old team too: the day has begun.
 */
export function bridgingOfficeFrom(
  memberId: string,
  toTeamId: string,
  memberships: Membership[],
  shifts: ShiftRecord[],
  effectiveDate: IsoDate,
  exposureWindowDays: number,
  today?: IsoDate,
): { officeFrom: IsoDate; lastOfficeDay: IsoDate | null } {
  const last = lastOfficeDay(
    memberId,
    memberships,
    shifts,
    effectiveDate === today ? addDays(effectiveDate, 1) : effectiveDate,
    toTeamId,
  );
  return {
    lastOfficeDay: last,
    officeFrom: last ? maxDate(effectiveDate, addDays(last, exposureWindowDays)) : effectiveDate,
  };
}

/**
 * The bridging rule after office days were added to teams (covers, hand-backs, fills): a member in
 * team T on a new office day d who later moves on to another team may join it only once the
 * exposure window has passed since d. Returns the later memberships whose office start must move,
 * with their new start (never earlier than it was).
 */
export function officeFromAfterNewDays(
  memberships: readonly (Membership & { id: string })[],
  newDays: readonly { teamId: string; date: IsoDate }[],
  exposureWindowDays: number,
): { id: string; officeFrom: IsoDate }[] {
  const byMember = groupBy(memberships, (m) => m.memberId);
  const moved = new Map<string, IsoDate>();
  for (const d of newDays) {
    for (const m of memberships) {
      if (m.teamId !== d.teamId || !inOfficeOn(m, d.date)) continue;
      const need = addDays(d.date, exposureWindowDays);
      for (const next of byMember.get(m.memberId)!) {
        if (next.teamId === m.teamId || next.fromDate <= d.date) continue;
        if ((moved.get(next.id) ?? next.officeFrom) < need) moved.set(next.id, need);
      }
    }
  }
  return [...moved].map(([id, officeFrom]) => ({ id, officeFrom }));
}
