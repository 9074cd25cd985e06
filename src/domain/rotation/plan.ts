import {
  daysBetween,
  holidayDataRange,
  isZone,
  isIsoDate,
  workingDays,
  minutesOf,
  parseTimeOfDay,
} from '../calendar/index.ts';
import { PATTERNS } from './patterns.ts';
import { err, ok, type Result } from '../result.ts';
import type { PatternError, PatternIssue, PlanInput, Shift, ShiftPlan, Slot } from './types.ts';
import { validateSlots } from './slots.ts';

export type * from './types.ts';

/** The longest range planShifts accepts, in calendar days (about ten years). */
export const MAX_PLAN_DAYS = 3660;

const isWholeIn = (x: unknown, lo: number, hi: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi;

const dayCount = (from: string, to: string): number => daysBetween(from, to) + 1;

/** Every problem with a planShifts request that can be seen before planning. */
export function validatePlanInput(input: PlanInput): PatternIssue[] {
  const out: PatternIssue[] = [];
  const { calendar: cal, pattern } = input;
  if (!isZone(cal.timezone))
    out.push({
      code: 'invalid-calendar',
      path: '/calendar/timezone',
      reason: `"${cal.timezone}" is not an IANA time zone`,
    });
  if (
    !Array.isArray(cal.workdays) ||
    cal.workdays.length === 0 ||
    !cal.workdays.every((d) => isWholeIn(d, 1, 7))
  ) {
    out.push({
      code: 'invalid-calendar',
      path: '/calendar/workdays',
      reason: 'workdays must list ISO weekdays 1 (Monday) to 7 (Sunday)',
    });
  }
  if (!['jp', 'jp-gov', 'none'].includes(cal.holidays))
    out.push({
      code: 'invalid-calendar',
      path: '/calendar/holidays',
      reason: 'holidays must be "jp", "jp-gov" or "none"',
    });
  cal.closedDates.forEach((d, i) => {
    if (!isIsoDate(d))
      out.push({
        code: 'invalid-calendar',
        path: `/calendar/closedDates/${i}`,
        reason: `"${d}" is not a calendar date`,
      });
  });
  for (const key of ['startDate', 'endDate'] as const) {
    if (!isIsoDate(input[key]))
      out.push({
        code: 'invalid-date',
        path: `/${key}`,
        reason: `"${input[key]}" is not a calendar date (YYYY-MM-DD)`,
      });
  }
  if (isIsoDate(input.startDate) && isIsoDate(input.endDate)) {
    const days = dayCount(input.startDate, input.endDate);
    if (days < 1)
      out.push({
        code: 'invalid-range',
        path: '/endDate',
        reason: `endDate ${input.endDate} is before startDate ${input.startDate}`,
      });
    else if (days > MAX_PLAN_DAYS)
      out.push({
        code: 'invalid-range',
        path: '/endDate',
        reason: `the range spans ${days} days; at most ${MAX_PLAN_DAYS}`,
      });
    const { firstYear, lastYear } = holidayDataRange();
    if (
      cal.holidays !== 'none' &&
      (+input.startDate.slice(0, 4) < firstYear || +input.endDate.slice(0, 4) > lastYear)
    ) {
      out.push({
        code: 'outside-holiday-data',
        path: +input.startDate.slice(0, 4) < firstYear ? '/startDate' : '/endDate',
        reason: `Japanese holiday data covers ${firstYear}–${lastYear} only`,
        params: { firstYear, lastYear },
      });
    }
  }
  const labels = input.teamLabels;
  if (!Array.isArray(labels) || labels.length === 0)
    out.push({ code: 'no-teams', path: '/teamLabels', reason: 'at least one team is needed' });
  else
    labels.forEach((l, i) => {
      if (typeof l !== 'string' || l === '')
        out.push({
          code: 'no-teams',
          path: `/teamLabels/${i}`,
          reason: 'a team label is a non-empty string',
        });
      else if (labels.indexOf(l) !== i)
        out.push({
          code: 'duplicate-team',
          path: `/teamLabels/${i}`,
          reason: `team label ${l} appears more than once`,
        });
    });
  if (!Object.hasOwn(PATTERNS, pattern.kind))
    out.push({
      code: 'invalid-pattern',
      path: '/pattern/kind',
      reason: `pattern kind must be daily, weekly or cycle, got "${String(pattern.kind)}"`,
    });
  if (pattern.kind === 'cycle') {
    if (!Array.isArray(pattern.cycle) || pattern.cycle.length === 0)
      out.push({
        code: 'empty-cycle',
        path: '/pattern/cycle',
        reason: 'a cycle pattern needs a non-empty sequence of team labels',
        params: {},
      });
    else
      pattern.cycle.forEach((l, i) => {
        if (!Array.isArray(labels) || !labels.includes(l))
          out.push({
            code: 'unknown-team',
            path: `/pattern/cycle/${i}`,
            reason: `cycle names team "${l}", which is not one of ${Array.isArray(labels) ? labels.join(', ') : 'the teams'}`,
            params: {
              variant: 'cycle',
              team: String(l),
              teams: Array.isArray(labels) ? labels.join(', ') : '',
            },
          });
      });
  } else if (pattern.cycle !== undefined) {
    out.push({
      code: 'invalid-pattern',
      path: '/pattern/cycle',
      reason: `a cycle sequence only applies to kind "cycle", not "${pattern.kind}"`,
    });
  }
  if (pattern.bufferDays !== undefined && !isWholeIn(pattern.bufferDays, 0, 366))
    out.push({
      code: 'invalid-buffer',
      path: '/pattern/bufferDays',
      reason: 'bufferDays must be a whole number from 0 to 366',
      params: { max: 366 },
    });
  if (pattern.handoverMinutes !== undefined && !isWholeIn(pattern.handoverMinutes, 0, 1440))
    out.push({
      code: 'invalid-handover',
      path: '/pattern/handoverMinutes',
      reason: 'handoverMinutes must be a whole number from 0 to 1440',
    });
  if (pattern.slots !== undefined) out.push(...validateSlots(pattern.slots, '/pattern/slots'));
  else {
    const start = parseTimeOfDay(cal.officeHours.start);
    const end = parseTimeOfDay(cal.officeHours.end);
    if (start === undefined || end === undefined || start >= end)
      out.push({
        code: 'invalid-calendar',
        path: '/calendar/officeHours',
        reason: 'office hours must be HH:MM times with start before end',
      });
  }
  return out;
}

/** Names each pair of adjacent slots that the plan gives to two different teams with less than the handover gap between them. */
function handoverIssues(
  slots: readonly Slot[],
  days: { teams: string[] }[],
  handover: number,
): PatternIssue[] {
  const out: PatternIssue[] = [];
  for (let s = 0; s + 1 < slots.length; s++) {
    const a = slots[s]!;
    const b = slots[s + 1]!;
    const gap = minutesOf(b.start) - minutesOf(a.end);
    if (gap >= handover) continue;
    if (!days.some((d) => d.teams[s] !== d.teams[s + 1])) continue;
    out.push({
      code: 'handover-too-short',
      path: `/pattern/slots/${s + 1}/start`,
      slots: [s, s + 1],
      reason: `slots ${s + 1} (${a.start}–${a.end}) and ${s + 2} (${b.start}–${b.end}) are ${gap} min apart, but the pattern gives them to different teams and handoverMinutes is ${handover}`,
    });
  }
  return out;
}

/**
 * Lays a rotation pattern over the department's working days from startDate to endDate (inclusive):
 * each working day is one office slot (office hours) or the given slots; buffer days stay empty.
 */
export function planShifts(input: PlanInput): Result<ShiftPlan, PatternError> {
  const issues = validatePlanInput(input);
  if (issues.length > 0) return err({ issues });
  const { calendar, pattern } = input;
  const slots: readonly Slot[] = pattern.slots ?? [calendar.officeHours];
  const workingDates = workingDays(calendar, input.startDate, input.endDate);
  const layout = PATTERNS[pattern.kind]({
    workingDates,
    slotCount: slots.length,
    teamLabels: input.teamLabels,
    cycle: pattern.cycle ?? [],
    bufferDays: pattern.bufferDays ?? 0,
    timezone: calendar.timezone,
  });
  const handover = handoverIssues(slots, layout.days, pattern.handoverMinutes ?? 0);
  if (handover.length > 0) return err({ issues: handover });
  const shifts: Shift[] = [];
  for (const day of layout.days)
    day.teams.forEach((teamLabel, slot) => {
      const { start, end } = slots[slot]!;
      shifts.push({ date: day.date, start, end, teamLabel, slot });
    });
  return ok({ shifts, bufferDates: layout.bufferDates, workingDates });
}
