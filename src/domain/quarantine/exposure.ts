import { addDays, calendarDates } from '../calendar/index.ts';
import { inOfficeOn, type Membership, type ShiftRecord } from '../rotation/index.ts';
import type { IsoDate } from '../types.ts';

/** One published rotation, as exposure looks at it. */
export interface ExposureRotation {
  memberships: Membership[];
  /** Scheduled shifts: past days as they happened (history is never rewritten), future as planned. */
  shifts: ShiftRecord[];
}

/** What an exposure lookup reads: the rotations, who was on standby, and how far exposure reaches. */
export interface ExposureInput {
  rotations: ExposureRotation[];
  memberOnStandby: (date: IsoDate, memberId: string) => boolean;
  /** 'day': everyone in the office that day counts (shared desks); 'slot': only the same slot. */
  scope: 'day' | 'slot';
}

/**
 * Whether a membership had its member in the office with the team on a date: while it puts them
 * there, and on the day a move made that same day took them out (they had been in already).
 */
const presentWith = (m: Membership, date: IsoDate): boolean =>
  inOfficeOn(m, date) ||
  (m.toDate !== null && m.closedOn === date && addDays(m.toDate, 1) === date);

/** Who was in the office on a date, per slot: member id → the slots they were in. */
function presence(
  input: ExposureInput,
  date: IsoDate,
): Map<string, { teamId: string; slots: number[] }> {
  const out = new Map<string, { teamId: string; slots: number[] }>();
  for (const r of input.rotations) {
    const shifts = r.shifts.filter((s) => s.date === date && s.status === 'scheduled');
    if (!shifts.length) continue;
    for (const m of r.memberships) {
      if (!presentWith(m, date) || input.memberOnStandby(date, m.memberId)) continue;
      const slots = shifts.filter((s) => s.teamId === m.teamId).map((s) => s.slot);
      if (slots.length) out.set(m.memberId, { teamId: m.teamId, slots });
    }
  }
  return out;
}

/** The days a member was (or will be) in the office between from and to, who was there with them, and the teams involved. */
export function exposures(input: ExposureInput, memberId: string, from: IsoDate, to: IsoDate) {
  const days: { date: IsoDate; teamId: string; teamIds: string[]; coPresentMemberIds: string[] }[] =
    [];
  const teamIds = new Set<string>();
  const candidateDates = new Set(
    input.rotations.flatMap((r) =>
      r.shifts.filter((s) => s.date >= from && s.date <= to).map((s) => s.date),
    ),
  );
  for (const date of calendarDates(from, to)) {
    if (!candidateDates.has(date)) continue;
    const here = presence(input, date);
    const me = here.get(memberId);
    if (!me) continue;
    teamIds.add(me.teamId);
    const others: string[] = [];
    const teamsToday = new Set([me.teamId]);
    for (const [id, p] of here) {
      if (id === memberId) continue;
      if (input.scope === 'slot' && !p.slots.some((s) => me.slots.includes(s))) continue;
      others.push(id);
      teamsToday.add(p.teamId);
      teamIds.add(p.teamId);
    }
    days.push({
      date,
      teamId: me.teamId,
      teamIds: [...teamsToday],
      coPresentMemberIds: others.sort(),
    });
  }
  return { days, teamIds: [...teamIds] };
}
