import { calendarDates, holidayNameOf, nonWorkingReason } from '../calendar/index.ts';
import { groupBy } from '../collections.ts';
import type { ShiftRecord, TeamRef } from './model.ts';
import type { DepartmentCalendar, IsoDate } from '../types.ts';

export type DayKind = 'office' | 'buffer' | 'uncovered' | 'weekend' | 'holiday' | 'closed';

/** One date of a rotation as the schedule endpoint shows it. */
export interface DayView {
  date: IsoDate;
  kind: DayKind;
  /** The holiday's name when kind is 'holiday' (in Japanese, as the data has it). */
  holiday?: string;
  /** The day's only office team, or null (no office day, or several teams in several slots). */
  officeTeamId: string | null;
  /** Multi-slot rotations: each scheduled slot, by the index swaps and uncovered slots use. */
  slots?: { slot: number; teamId: string; start: string; end: string }[];
  remoteTeamIds: string[];
  standbyTeamIds: string[];
}

export interface ScheduleInput {
  calendar: DepartmentCalendar;
  teams: readonly TeamRef[];
  shifts: readonly Pick<ShiftRecord, 'teamId' | 'date' | 'slot' | 'start' | 'end' | 'status'>[];
  bufferDates: ReadonlySet<IsoDate>;
  /** Working days an override closed: 'closed', not 'uncovered'. */
  closedDates?: ReadonlySet<IsoDate>;
  from: IsoDate;
  to: IsoDate;
  /** Show per-slot detail (the rotation splits days into several slots). */
  multiSlot: boolean;
  /** Teams in standby on a date (quarantine); none when omitted. */
  standbyOn?: (date: IsoDate) => ReadonlySet<string>;
}

/** Every date from `from` to `to` with its office, remote and standby teams. */
export function scheduleDays(input: ScheduleInput): DayView[] {
  const byDate = groupBy(
    input.shifts.filter(
      (s) => s.status === 'scheduled' && s.date >= input.from && s.date <= input.to,
    ),
    (s) => s.date,
  );
  const order = new Map(input.teams.map((t, i) => [t.id, i]));
  const byOrder = (a: string, b: string) => order.get(a)! - order.get(b)!;
  return calendarDates(input.from, input.to).map((date) => {
    const shifts = (byDate.get(date) ?? []).sort((a, b) => a.slot - b.slot);
    const office = [...new Set(shifts.map((s) => s.teamId))];
    const standby = input.standbyOn?.(date) ?? new Set<string>();
    const reason = nonWorkingReason(input.calendar, date);
    let kind: DayKind;
    if (shifts.length) kind = 'office';
    else if (reason === 'weekday') kind = 'weekend';
    else if (reason) kind = reason;
    else if (input.bufferDates.has(date)) kind = 'buffer';
    else kind = input.closedDates?.has(date) ? 'closed' : 'uncovered';
    const day: DayView = {
      date,
      kind,
      officeTeamId: office.length === 1 ? office[0]! : null,
      // Nobody works on a non-working day, so nobody is remote either.
      remoteTeamIds:
        reason && !shifts.length
          ? []
          : input.teams.map((t) => t.id).filter((id) => !office.includes(id) && !standby.has(id)),
      standbyTeamIds: [...standby].sort(byOrder),
    };
    if (reason === 'holiday') day.holiday = holidayNameOf(input.calendar, date) ?? '';
    if (input.multiSlot)
      day.slots = shifts.map((s) => ({
        slot: s.slot,
        teamId: s.teamId,
        start: s.start,
        end: s.end,
      }));
    return day;
  });
}
