import {
  addDays,
  holidayNameOf,
  maxDate,
  minDate,
  nonWorkingReason,
  workingDays,
} from '../calendar/index.ts';
import { groupBy, sortedUnique } from '../collections.ts';
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
  /** How many of the next working days to list; default NEXT_DAYS (the organisation's board lists none). */
  nextDays?: number;
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
const isWorked = (calendar: DepartmentCalendar, day: DayView): boolean =>
  WORKING.has(day.kind) && (day.kind !== 'closed' || !nonWorkingReason(calendar, day.date));

/** Each day of a rotation within [from, to], with its office teams in slot order. */
function rotationDays(r: BoardRotation, calendar: DepartmentCalendar, from: IsoDate, to: IsoDate) {
  const lo = maxDate(from, r.startDate);
  const hi = minDate(to, r.endDate);
  if (lo > hi) return [];
  return scheduleDays({
    calendar,
    teams: r.teams,
    shifts: r.shifts,
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

/** One department's day with its people as ids: what a board shows, before anyone is named. */
export interface DepartmentDay extends Omit<DepartmentBoard, 'office' | 'remote' | 'standby'> {
  office: (Omit<OfficeSlot, 'members'> & { memberIds: string[] })[];
  remote: { memberId: string; teamId: string; teamLabel: string }[];
  standby: { memberId: string; until: IsoDate }[];
}

/**
 * One department's day, its people as ids: who is in the office in each slot and who works
 * remotely (in the memberships' order), who is in standby and until when (never why; in the
 * members' order), the next working days, and the uncovered days ahead. The organisation board
 * counts these; a department's board names and orders them.
 */
export function departmentDay(
  input: Omit<BoardInput, 'members'> & { members: readonly { id: string }[] },
): DepartmentDay {
  const { date, calendar } = input;
  const horizon = input.horizon ?? addDays(date, UNCOVERED_HORIZON_DAYS);
  const nextDays = input.nextDays ?? NEXT_DAYS;
  const lookup = standbyLookup(input.standby);
  const members = new Set(input.members.map((m) => m.id));

  // The schedule's view of a day only where the board shows one (the date, the next worked
  // days); the uncovered days are the calendar's working days (kept per calendar and window) that
  // no office slot, buffer day or closing took: scheduleDays' 'uncovered', without a view of every
  // day ahead of every department (an organisation's board spent most of its time making those).
  const spans = input.rotations
    .map((r) => ({ r, lo: maxDate(date, r.startDate), hi: minDate(horizon, r.endDate) }))
    .filter(({ lo, hi }) => lo <= hi);
  const uncovered: IsoDate[] = [];
  const next: { day: DayView; rotation: BoardRotation }[] = [];
  let today: { day: DayView; rotation: BoardRotation } | undefined;
  for (const { r, lo, hi } of spans) {
    const office = new Set(
      r.shifts
        .filter((s) => s.status === 'scheduled' && s.date >= lo && s.date <= hi)
        .map((s) => s.date),
    );
    const buffer = new Set(r.bufferDates);
    const closed = new Set(r.closedDates);
    for (const d of workingDays(calendar, lo, hi))
      if (!office.has(d) && !buffer.has(d) && !closed.has(d)) uncovered.push(d);
    if (lo === date) today = { day: rotationDays(r, calendar, date, date)[0]!, rotation: r };
    // Worked days are the working days and any other office day: the next ones end at the last
    // of those still wanted.
    const after = maxDate(lo, addDays(date, 1));
    if (next.length >= nextDays || after > hi) continue;
    const worked = sortedUnique([
      ...workingDays(calendar, after, hi),
      ...[...office].filter((d) => d >= after),
    ]);
    const until = worked[Math.min(nextDays - next.length, worked.length) - 1];
    if (until)
      for (const day of rotationDays(r, calendar, after, until))
        if (isWorked(calendar, day)) next.push({ day, rotation: r });
  }
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
    .map((m) => ({ memberId: m.id, until: standbyUntil(windowsOf.get(m.id)!, m.id, date)! }));
  const inStandby = new Set(standby.map((m) => m.memberId));

  const office: DepartmentDay['office'] = [];
  const remote: DepartmentDay['remote'] = [];
  let kind: BoardDayKind;
  if (today) {
    const { day, rotation: r } = today;
    kind = day.kind;
    const labels = labelsOf(r);
    const on = membershipsOn(r, date).filter((m) => members.has(m.memberId));
    const officeTeams = new Set((day.slots ?? []).map((s) => s.teamId));
    const inOffice = new Set<string>();
    for (const s of day.slots ?? []) {
      const memberIds = on
        .filter(
          (m) =>
            m.teamId === s.teamId &&
            !inStandby.has(m.memberId) &&
            memberDayKind(m, date, true, lookup) === 'office',
        )
        .map((m) => m.memberId);
      memberIds.forEach((id) => inOffice.add(id));
      office.push({ ...s, teamLabel: labels.get(s.teamId) ?? '', memberIds });
    }
    // Nobody works on a day off; on a working day everyone of the rotation not in the office or in standby does.
    if (isWorked(calendar, day))
      for (const m of on)
        if (!inOffice.has(m.memberId) && !inStandby.has(m.memberId)) {
          const kindOf = memberDayKind(m, date, officeTeams.has(m.teamId), lookup);
          if (kindOf === 'standby') continue;
          remote.push({
            memberId: m.memberId,
            teamId: m.teamId,
            teamLabel: labels.get(m.teamId) ?? '',
          });
        }
  } else {
    const reason = nonWorkingReason(calendar, date);
    kind = reason === 'weekday' ? 'weekend' : (reason ?? 'none');
  }
  // The calendar's own name for it: a national holiday, or 年末年始 under jp-gov.
  const holiday = kind === 'holiday' ? holidayNameOf(calendar, date) : undefined;

  const out: DepartmentDay = {
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
    next: next.slice(0, nextDays).map(({ day, rotation }) => ({
      date: day.date,
      kind: day.kind,
      teams: teamsOf(rotation, day),
    })),
    uncovered,
    uncoveredThrough: horizon,
  };
  if (holiday !== undefined) out.holiday = holiday;
  return out;
}

/**
 * One department's day: who is in the office in each slot, who works remotely, who is in standby
 * and until when (never why), the next working days, and the uncovered days ahead.
 */
export function departmentBoard(input: BoardInput): DepartmentBoard {
  const day = departmentDay(input);
  // Only what the board shows of a person, whatever else the caller's records carry.
  const people = new Map(
    input.members.map((m): [string, BoardPerson] => [
      m.id,
      { id: m.id, name: m.name, kana: m.kana, position: m.position },
    ]),
  );
  const person = (id: string) => people.get(id)!;
  // The members' order as given (the reading order of the roster) orders every list.
  const rank = new Map(input.members.map((m, i) => [m.id, i]));
  const byRank = (a: string, b: string) => rank.get(a)! - rank.get(b)!;
  const board: DepartmentBoard = {
    date: day.date,
    kind: day.kind,
    rotation: day.rotation,
    office: day.office.map(({ memberIds, ...s }) => ({
      ...s,
      members: memberIds.sort(byRank).map(person),
    })),
    remote: day.remote
      .sort((a, b) => byRank(a.memberId, b.memberId))
      .map(({ memberId, ...r }) => ({ ...person(memberId), ...r })),
    standby: day.standby.map(({ memberId, until }) => ({ ...person(memberId), until })),
    next: day.next,
    uncovered: day.uncovered,
    uncoveredThrough: day.uncoveredThrough,
  };
  if (day.holiday !== undefined) board.holiday = day.holiday;
  return board;
}
