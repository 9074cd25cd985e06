import { problem, type ProblemParams } from '../problems/index.ts';
import { nonWorkingReason } from '../calendar/index.ts';
import { isBlocked, type TeamOutage } from '../quarantine/index.ts';
import { checkIsolation, type ShiftRecord, type Slot, type TeamRef } from '../rotation/index.ts';
import type { DepartmentCalendar, IsoDate } from '../types.ts';

/** The invariant (or rule) a refused override would break. */
export type OverrideInvariant =
  'history' | 'calendar' | 'coverage' | 'quarantine' | 'isolation' | 'no-change';

/** Why an override (or its undo) is refused: the invariant, a code, the day and the field. */
export interface OverrideRefusal {
  invariant: OverrideInvariant;
  code: string;
  path: string;
  date?: IsoDate;
  /** The team concerned, by label. */
  team?: string;
  message: string;
  /** The values the code's message speaks of (src/domain/problems/). */
  params: ProblemParams;
}

/** What an override is decided on: the rotation as it stands, who is out, and today. */
export interface OverrideContext {
  today: IsoDate;
  calendar: DepartmentCalendar;
  startDate: IsoDate;
  endDate: IsoDate;
  bufferDates: ReadonlySet<IsoDate>;
  closedDates: ReadonlySet<IsoDate>;
  teams: readonly TeamRef[];
  /** Every shift of the rotation, scheduled and cancelled. */
  shifts: readonly ShiftRecord[];
  /** The day's office slots (the pattern's, or one spanning the office hours). */
  slots: readonly Slot[];
  outages: readonly TeamOutage[];
  returnSeparationDays: number;
  handoverMinutes: number;
}

/** A new office slot an override gives a team. */
export interface AddedShift {
  date: IsoDate;
  slot: number;
  start: string;
  end: string;
  teamId: string;
}

/** The refusals of a day an override may touch at all: history, the rotation, the calendar. */
export function dayRefusals(
  ctx: OverrideContext,
  date: IsoDate,
  path: string,
  opts: { closedOk?: boolean } = {},
): OverrideRefusal[] {
  const at = { path, date };
  if (date < ctx.today)
    return [
      {
        ...at,
        invariant: 'history',
        ...problem('past-day', { date }),
        message: `${date} is before today (${ctx.today}); past days are history`,
      },
    ];
  if (date < ctx.startDate || date > ctx.endDate)
    return [
      {
        ...at,
        invariant: 'calendar',
        ...problem('outside-rotation', { date, start: ctx.startDate, end: ctx.endDate }),
        message: `${date} is outside the rotation (${ctx.startDate} – ${ctx.endDate})`,
      },
    ];
  if (nonWorkingReason(ctx.calendar, date) !== undefined)
    return [
      {
        ...at,
        invariant: 'calendar',
        ...problem('not-working-day', { date }),
        message: `${date} is not a working day of the department`,
      },
    ];
  if (ctx.bufferDates.has(date))
    return [
      {
        ...at,
        invariant: 'coverage',
        ...problem('buffer-day', { date }),
        message: `${date} is a buffer day: the office stays empty for cleaning`,
      },
    ];
  if (!opts.closedOk && ctx.closedDates.has(date))
    return [
      {
        ...at,
        invariant: 'coverage',
        ...problem('closed-day', { date }),
        message: `${date} is closed by an override; undo that override first`,
      },
    ];
  return [];
}

/**
 * The invariants a plan's new office slots must keep: no team in the office while it is out
 * (quarantine, or the return separation after one), and isolation with the handover gaps on
 * each day it touches.
 */
export function invariantRefusals(
  ctx: OverrideContext,
  add: readonly AddedShift[],
  cancel: ReadonlySet<string>,
  pathOf: (date: IsoDate) => string,
): OverrideRefusal[] {
  const label = (id: string) => ctx.teams.find((t) => t.id === id)?.label ?? '?';
  const out: OverrideRefusal[] = [];
  for (const a of add)
    if (isBlocked(ctx, a.teamId, a.date))
      out.push({
        invariant: 'quarantine',
        ...problem('team-in-standby', { date: a.date, team: label(a.teamId) }),
        path: pathOf(a.date),
        date: a.date,
        team: label(a.teamId),
        message: `team ${label(a.teamId)} is on standby on ${a.date} (a quarantine or the return separation after one)`,
      });
  const dates = [...new Set(add.map((a) => a.date))];
  const after = [
    ...ctx.shifts.filter(
      (s) => s.status === 'scheduled' && dates.includes(s.date) && !cancel.has(s.id),
    ),
    ...add,
  ].map((s) => ({ ...s, teamLabel: label(s.teamId) }));
  for (const v of checkIsolation(after, {
    handoverMinutes: ctx.handoverMinutes,
    oneTeamPerDate: ctx.slots.length <= 1,
  }))
    out.push({
      invariant: 'isolation',
      code: v.code,
      params: v.params,
      path: pathOf(v.date!),
      date: v.date,
      message: v.message,
    });
  return out;
}
