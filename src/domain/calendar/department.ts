import { problem, type ProblemParams } from '../problems/index.ts';
import { isIsoDate, isZone } from './days.ts';
import type { DepartmentCalendar } from '../types.ts';

/** One problem with a department's settings, at a JSON Pointer into the input. */
export interface SettingViolation {
  path: string;
  message: string;
  code: string;
  params: ProblemParams;
}

export interface DepartmentSettingsInput {
  timezone?: string;
  officeHours?: { start: string; end: string };
  closedDates?: string[];
}

/**
 * The canonical spelling of a valid IANA zone ("asia/tokyo" → "Asia/Tokyo", "US/Pacific" →
 * "America/Los_Angeles"): feeds name it in TZID and need its VTIMEZONE, which exists only under it.
 */
export function canonicalZone(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

/** Checks what a schema cannot: a real IANA zone, office hours that start before they end. */
export function checkDepartmentSettings(input: DepartmentSettingsInput): SettingViolation[] {
  const out: SettingViolation[] = [];
  if (input.timezone !== undefined && !isZone(input.timezone)) {
    out.push({
      path: '/timezone',
      message: `"${input.timezone}" is not an IANA time zone (e.g. Asia/Tokyo)`,
      ...problem('unknown-timezone', { zone: input.timezone }),
    });
  }
  if (input.officeHours && input.officeHours.start >= input.officeHours.end) {
    out.push({
      path: '/officeHours/end',
      message: `must be later than start (${input.officeHours.start})`,
      ...problem('office-hours-order', { start: input.officeHours.start }),
    });
  }
  input.closedDates?.forEach((d, i) => {
    if (!isIsoDate(d))
      out.push({
        path: `/closedDates/${i}`,
        message: 'is not a calendar date',
        ...problem('invalid-date'),
      });
  });
  return out;
}

/** Just the calendar of a department (or of anything that carries one). */
export const calendarOf = (d: DepartmentCalendar): DepartmentCalendar => ({
  timezone: d.timezone,
  workdays: d.workdays,
  holidays: d.holidays,
  closedDates: d.closedDates,
  officeHours: d.officeHours,
});
