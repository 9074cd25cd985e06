import { addDays, maxDate } from './dates.ts';
import { inOfficeOn, type Membership, type ShiftRecord } from './rotation-model.ts';
import type { IsoDate } from './types.ts';

/** The member's last office day before `before` with a team other than `exceptTeamId`, or null. */
export function lastOfficeDay(memberId: string, memberships: Membership[], shifts: ShiftRecord[], before: IsoDate, exceptTeamId: string | null = null): IsoDate | null {
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
 * once the exposure window has passed since their last office day with any other team.
 */
export function bridgingOfficeFrom(
  memberId: string,
  toTeamId: string,
  memberships: Membership[],
  shifts: ShiftRecord[],
  effectiveDate: IsoDate,
  exposureWindowDays: number,
): { officeFrom: IsoDate; lastOfficeDay: IsoDate | null } {
  const last = lastOfficeDay(memberId, memberships, shifts, effectiveDate, toTeamId);
  return { lastOfficeDay: last, officeFrom: last ? maxDate(effectiveDate, addDays(last, exposureWindowDays)) : effectiveDate };
}
