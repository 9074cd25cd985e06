import { inOfficeOn, type Membership } from '../rotation/index.ts';
import type { StandbyLookup } from './standby.ts';
import type { IsoDate } from '../types.ts';

/** What a member does on a working day of their rotation. */
export type MemberDayKind = 'office' | 'remote' | 'standby';

/**
 * A member's day in the team of membership `m`: standby when they or their team are quarantined,
 * office when their team is in and the bridging rule lets them join it, otherwise remote. The one
 * rule behind the member's feed and schedule and the remote demand (capacity, report, survivability).
 */
export function memberDayKind(
  m: Membership,
  date: IsoDate,
  teamInOffice: boolean,
  standby: StandbyLookup,
): MemberDayKind {
  if (standby.member(date, m.memberId) || standby.team(date, m.teamId)) return 'standby';
  return teamInOffice && inOfficeOn(m, date) ? 'office' : 'remote';
}
