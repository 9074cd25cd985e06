import { addDays, japaneseHoliday, maxDate, minDate, nonWorkingReason } from '../calendar/index.ts';
import { groupBy } from '../collections.ts';
import { memberDayKind, standbyLookup, type StandbyWindow } from '../quarantine/index.ts';
import {
  coversDate,
  scheduleDays,
  type DayKind,
  type DayView,
  type Membership,
  type ShiftRecord,
  type TeamRef,
} from '../rotation/index.ts';
import type { DepartmentCalendar, IsoDate, Position } from '../types.ts';
import { standbyUntil } from './standby.ts';

/** How many working days after the board's date it lists with their office teams. */
export const NEXT_DAYS = 10;
/** How far ahead of the board's date uncovered days are looked for (the rest of the rotation, at most this). */
export const UNCOVERED_HORIZON_DAYS = 92;

/** A person as the board shows them: never more (no e-mail, no remote access, no health reason). */
export interface BoardPerson {
  id: string;
  name: string;
  kana: string | null;
  position: Position;
}

/** A published rotation as the board reads it: its teams, memberships and office shifts. */
export interface BoardRotation {
  id: string;
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
  bufferDates: readonly IsoDate[];
  closedDates: readonly IsoDate[];
  teams: readonly TeamRef[];
  /** In the order a member's schedule reads them: the first membership covering a date counts. */
  memberships: readonly Membership[];
  /** Its shifts in the board's window (cancelled ones may be among them: they are left out). */
  shifts: readonly Pick<ShiftRecord, 'teamId' | 'date' | 'slot' | 'start' | 'end' | 'status'>[];
}

/** Everything one department's board is decided from; `date` is given (the domain has no clock). */
export interface BoardInput {
  date: IsoDate;
  calendar: DepartmentCalendar;
  /** The published rotations overlapping [date, horizon], earliest first (they never overlap). */
  rotations: readonly BoardRotation[];
  /** The department's active members. */
  members: readonly BoardPerson[];
  /** The department's standby windows (quarantines), without their reasons. */
  standby: readonly StandbyWindow[];
  /** The last date uncovered days are looked for; default `date` + UNCOVERED_HORIZON_DAYS. */
  horizon?: IsoDate;
}

/** A board day's kind: the schedule's, or 'none' for a working day outside every published rotation. */
export type BoardDayKind = DayKind | 'none';

export interface OfficeSlot {
  slot: number;
  start: string;
  end: string;
  teamId: string;
  teamLabel: string;
  /** Who of the team is in the office in this slot (not those bridging, nor those in standby). */
  members: BoardPerson[];
}

export interface DepartmentBoard {
  date: IsoDate;
  kind: BoardDayKind;
  /** The holiday's name when kind is 'holiday'. */
  holiday?: string;
  /** The published rotation covering the date, or null. */
  rotation: { id: string; name: string; startDate: IsoDate; endDate: IsoDate } | null;
  office: OfficeSlot[];
  remote: (BoardPerson & { teamId: string; teamLabel: string })[];
  standby: (BoardPerson & { until: IsoDate })[];
  /** The next working days of published rotations after the date, with their office teams. */
  next: { date: IsoDate; kind: BoardDayKind; teams: TeamRef[] }[];
  /** Working days from the date to `uncoveredThrough` that no team covers (closed and buffer days are not). */
  uncovered: IsoDate[];
  uncoveredThrough: IsoDate;
}

const WORKING: ReadonlySet<BoardDayKind> = new Set(['office', 'buffer', 'closed', 'uncovered']);

/**
 * Do people work that day (in the office or remotely)? 'closed' is both a chief's override on a
 * working day (everyone remote) and a closed date of the department's calendar (nobody works).
 */
const worked = (calendar: DepartmentCalendar, day: DayView): boolean =>
  WORKING.has(day.kind) && (day.kind !== 'closed' || !nonWorkingReason(calendar, day.date));

/** Each day of a rotation within [from, to], with its office teams in slot order. */
function rotationDays(r: BoardRotation, calendar: DepartmentCalendar, from: IsoDate, to: IsoDate) {
  const lo = maxDate(from, r.startDate);
  const hi = minDate(to, r.endDate);
  if (lo > hi) return [];
  return scheduleDays({
    calendar,
    teams: [...r.teams],
    shifts: r.shifts.map((s) => ({ ...s, id: '', sequence: 0 })),
    bufferDates: new Set(r.bufferDates),
    closedDates: new Set(r.closedDates),
    from: lo,
    to: hi,
    multiSlot: true,
  });
}

/** The first membership of each member covering the date (as their schedule reads it). */
function membershipsOn(r: BoardRotation, date: IsoDate): Membership[] {
  const seen = new Set<string>();
  return r.memberships.filter((m) => {
    if (seen.has(m.memberId) || !coversDate(m, date)) return false;
    seen.add(m.memberId);
    return true;
  });
}

/**
 * One department's day: who is in the office in each slot, who works remotely, who is in standby
 * and until when (never why), the next working days, and the uncovered days ahead.
 */
export function departmentBoard(input: BoardInput): DepartmentBoard {
  const { date, calendar } = input;
  const horizon = input.horizon ?? addDays(date, UNCOVERED_HORIZON_DAYS);
  const lookup = standbyLookup(input.standby);
  // Only what the board shows of a person, whatever else the caller's records carry.
  const people = new Map(
    input.members.map((m): [string, BoardPerson] => [
      m.id,
      { id: m.id, name: m.name, kana: m.kana, position: m.position },
    ]),
  );
  // The members' order as given (the reading order of the roster) orders every list.
  const rank = new Map(input.members.map((m, i) => [m.id, i]));
  const byRank = (a: Membership, b: Membership) => rank.get(a.memberId)! - rank.get(b.memberId)!;

  const days: { day: DayView; rotation: BoardRotation }[] = input.rotations.flatMap((r) =>
    rotationDays(r, calendar, date, horizon).map((day) => ({ day, rotation: r })),
  );
  const byDate = new Map(days.map((d) => [d.day.date, d]));
  const labelsOf = (r: BoardRotation) => new Map(r.teams.map((t) => [t.id, t.label]));
  const teamsOf = (r: BoardRotation, day: DayView): TeamRef[] => {
    const labels = labelsOf(r);
    return [...new Set((day.slots ?? []).map((s) => s.teamId))].map((id) => ({
      id,
      label: labels.get(id) ?? '',
    }));
  };

  // Each member's windows found once, not by a scan of the department's for every one in standby.
  const windowsOf = groupBy(
    input.standby.filter((w) => w.memberId !== null),
    (w) => w.memberId!,
  );
  const standby = input.members
    .filter((m) => lookup.member(date, m.id))
    .map((m) => ({ ...people.get(m.id)!, until: standbyUntil(windowsOf.get(m.id)!, m.id, date)! }));
  const inStandby = new Set(standby.map((m) => m.id));

  const today = byDate.get(date);
  const office: OfficeSlot[] = [];
  const remote: DepartmentBoard['remote'] = [];
  let kind: BoardDayKind;
  if (today) {
    const { day, rotation: r } = today;
    kind = day.kind;
    const labels = labelsOf(r);
    const on = membershipsOn(r, date)
      .filter((m) => people.has(m.memberId))
      .sort(byRank);
    const officeTeams = new Set((day.slots ?? []).map((s) => s.teamId));
    const inOffice = new Set<string>();
    for (const s of day.slots ?? []) {
      const members = on
        .filter(
          (m) =>
            m.teamId === s.teamId &&
            !inStandby.has(m.memberId) &&
            memberDayKind(m, date, true, lookup) === 'office',
        )
        .map((m) => people.get(m.memberId)!);
      members.forEach((m) => inOffice.add(m.id));
      office.push({ ...s, teamLabel: labels.get(s.teamId) ?? '', members });
    }
    // Nobody works on a day off; on a working day everyone of the rotation not in the office or in standby does.
    if (worked(calendar, day))
      for (const m of on)
        if (!inOffice.has(m.memberId) && !inStandby.has(m.memberId)) {
          const kindOf = memberDayKind(m, date, officeTeams.has(m.teamId), lookup);
          if (kindOf === 'standby') continue;
          remote.push({
            ...people.get(m.memberId)!,
            teamId: m.teamId,
            teamLabel: labels.get(m.teamId) ?? '',
          });
        }
  } else {
    const reason = nonWorkingReason(calendar, date);
    kind = reason === 'weekday' ? 'weekend' : (reason ?? 'none');
  }
  const holiday = kind === 'holiday' ? japaneseHoliday(date)?.name : undefined;

  const board: DepartmentBoard = {
    date,
    kind,
    rotation: today
      ? {
          id: today.rotation.id,
          name: today.rotation.name,
          startDate: today.rotation.startDate,
          endDate: today.rotation.endDate,
        }
      : null,
    office,
    remote,
    standby,
    next: days
      .filter(({ day }) => day.date > date && worked(calendar, day))
      .slice(0, NEXT_DAYS)
      .map(({ day, rotation }) => ({
        date: day.date,
        kind: day.kind,
        teams: teamsOf(rotation, day),
      })),
    uncovered: days.filter(({ day }) => day.kind === 'uncovered').map(({ day }) => day.date),
    uncoveredThrough: horizon,
  };
  if (holiday !== undefined) board.holiday = holiday;
  return board;
}

/** The office, remote and standby counts of a board (a person in two slots counted once). */
export function boardCounts(b: DepartmentBoard): {
  office: number;
  remote: number;
  standby: number;
} {
  return {
    office: new Set(b.office.flatMap((s) => s.members.map((m) => m.id))).size,
    remote: b.remote.length,
    standby: b.standby.length,
  };
}
