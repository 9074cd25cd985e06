import { problem, type ProblemParams } from '../problems/index.ts';
import { nonWorkingReason, workingDays, minutesOf, parseTimeOfDay } from '../calendar/index.ts';
import type { Shift, Slot } from './types.ts';
import type { SplitTeam, Violation } from '../split/index.ts';
import type { DepartmentCalendar, IsoDate } from '../types.ts';

export { checkSplitConstraints } from '../split/index.ts';

import { groupBy } from '../collections.ts';

export type { Violation };

/** A broken invariant, with the values its code's message speaks of (src/domain/problems/). */
export type InvariantViolation = Violation & { params: ProblemParams };

/**
 * Isolation: two different teams' shifts on one date neither overlap nor come closer than the
 * handover gap; with `oneTeamPerDate` (single-slot mode) at most one team a date; and when teams
 * are given, no member is in two teams and every shift names a known team.
 */
export function checkIsolation(
  shifts: readonly Shift[],
  opts: { handoverMinutes?: number; oneTeamPerDate?: boolean; teams?: readonly SplitTeam[] } = {},
): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const gap = opts.handoverMinutes ?? 0;
  for (const s of shifts) {
    const a = parseTimeOfDay(s.start);
    const b = parseTimeOfDay(s.end);
    if (a === undefined || b === undefined || a >= b) {
      out.push({
        invariant: 'isolation',
        ...problem('invalid-shift-time', { date: s.date, team: s.teamLabel }),
        message: `shift of team ${s.teamLabel} on ${s.date} runs ${s.start}–${s.end}`,
        date: s.date,
        teamLabels: [s.teamLabel],
      });
    }
  }
  for (const [date, list] of groupBy(shifts, (s) => s.date)) {
    const teams = [...new Set(list.map((s) => s.teamLabel))];
    if (opts.oneTeamPerDate && teams.length > 1) {
      out.push({
        invariant: 'isolation',
        ...problem('several-teams-on-date', { date, teams: teams.join('・') }),
        message: `${teams.length} teams in the office on ${date}: ${teams.join(', ')}`,
        date,
        teamLabels: teams,
      });
    }
    const sorted = [...list].sort((x, y) => minutesOf(x.start) - minutesOf(y.start));
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) {
        const x = sorted[i]!;
        const y = sorted[j]!;
        if (x.teamLabel === y.teamLabel) continue;
        // Sorted by start, so the two overlap exactly when y starts before x ends.
        const between = minutesOf(y.start) - minutesOf(x.end);
        if (between < gap) {
          const what = between < 0 ? 'overlap' : `are ${between} min apart (handover needs ${gap})`;
          out.push({
            invariant: 'isolation',
            ...(between < 0
              ? problem('overlapping-teams', { date, first: x.teamLabel, second: y.teamLabel })
              : problem('handover-too-short', {
                  date,
                  first: x.teamLabel,
                  second: y.teamLabel,
                  gap,
                })),
            message: `on ${date} team ${x.teamLabel} (${x.start}–${x.end}) and team ${y.teamLabel} (${y.start}–${y.end}) ${what}`,
            date,
            teamLabels: [x.teamLabel, y.teamLabel],
          });
        }
      }
  }
  if (opts.teams) {
    const labels = new Set<string>();
    const teamOf = new Map<string, string>();
    for (const team of opts.teams) {
      if (labels.has(team.label))
        out.push({
          invariant: 'isolation',
          ...problem('duplicate-team-label', { team: team.label }),
          message: `two teams are labelled ${team.label}`,
          teamLabels: [team.label],
        });
      labels.add(team.label);
      for (const id of team.memberIds) {
        const other = teamOf.get(id);
        if (other !== undefined)
          out.push({
            invariant: 'isolation',
            ...problem('member-in-two-teams', { first: other, second: team.label }),
            message: `member ${id} is in team ${other} and team ${team.label}`,
            memberIds: [id],
            teamLabels: [other, team.label],
          });
        else teamOf.set(id, team.label);
      }
    }
    for (const label of new Set(shifts.map((s) => s.teamLabel))) {
      if (!labels.has(label))
        out.push({
          invariant: 'isolation',
          ...problem('unknown-team'),
          message: `shifts name team ${label}, which is not a team of the rotation`,
          teamLabels: [label],
        });
    }
  }
  return out;
}

/**
 * Coverage: every working date in [from, to] that is not a buffer (or excused) date has a shift
 * (in every slot, when `slots` are given), and no buffer date has one.
 */
export function checkCoverage(
  shifts: readonly Shift[],
  calendar: DepartmentCalendar,
  range: { from: IsoDate; to: IsoDate },
  opts: {
    bufferDates?: readonly IsoDate[];
    excusedDates?: readonly IsoDate[];
    slots?: readonly Slot[];
  } = {},
): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const buffers = new Set(opts.bufferDates ?? []);
  const excused = new Set(opts.excusedDates ?? []);
  const dates = groupBy(shifts, (s) => s.date);
  for (const date of workingDays(calendar, range.from, range.to)) {
    const list = dates.get(date) ?? [];
    if (buffers.has(date)) {
      if (list.length > 0)
        out.push({
          invariant: 'coverage',
          ...problem('shift-on-buffer-date', { date, team: list[0]!.teamLabel }),
          message: `${date} is a buffer day but team ${list[0]!.teamLabel} is in the office`,
          date,
          teamLabels: [...new Set(list.map((s) => s.teamLabel))],
        });
      continue;
    }
    if (excused.has(date)) continue;
    if (list.length === 0) {
      out.push({
        invariant: 'coverage',
        ...problem('uncovered-date', { date }),
        message: `no team is in the office on working day ${date}`,
        date,
      });
      continue;
    }
    opts.slots?.forEach((slot, i) => {
      if (!list.some((s) => s.slot === i && s.start === slot.start && s.end === slot.end)) {
        out.push({
          invariant: 'coverage',
          ...problem('uncovered-slot', { date, start: slot.start, end: slot.end }),
          message: `no team holds slot ${slot.start}–${slot.end} on ${date}`,
          date,
        });
      }
    });
  }
  return out;
}

/** Calendar: no shift falls on a non-working weekday, a public holiday (when the calendar uses them) or a closed date. */
export function checkShiftDates(
  shifts: readonly Shift[],
  calendar: DepartmentCalendar,
): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  for (const date of new Set(shifts.map((s) => s.date))) {
    let reason: string | undefined;
    try {
      reason = nonWorkingReason(calendar, date);
    } catch (e) {
      reason = `unknown (${(e as Error).message})`;
    }
    if (reason !== undefined)
      out.push({
        invariant: 'calendar',
        ...problem(
          reason === 'weekday' || reason === 'holiday' || reason === 'closed'
            ? `shift-on-${reason}-date`
            : 'shift-on-invalid-date',
          { date },
        ),
        message: `a shift falls on ${date}, which is not a working day (${reason})`,
        date,
      });
  }
  return out;
}
