import holidayJp from '@holiday-jp/holiday_jp';
import { DateTime, IANAZone } from 'luxon';
import type { DepartmentCalendar, IsoDate } from '../types.ts';

interface HolidayEntry {
  name: string;
  name_en: string;
}

// Looked up by date string only: the package's Date-based helpers read the process's local zone.
const HOLIDAYS = holidayJp.holidays as Readonly<Record<string, HolidayEntry>>;
const YEARS = Object.keys(HOLIDAYS).map((d) => Number(d.slice(0, 4)));
const FIRST_YEAR = Math.min(...YEARS);
const LAST_YEAR = Math.max(...YEARS);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The first and last calendar years the bundled Japanese holiday data covers. */
export function holidayDataRange(): { firstYear: number; lastYear: number } {
  return { firstYear: FIRST_YEAR, lastYear: LAST_YEAR };
}

/**
 * The dates a person may give bunsan. Wider than any plan needs, and far enough inside the
 * four-digit years that no date arithmetic on them (a quarantine's end, a look-back, a feed
 * window) leaves them: 9999-12-31 + 13 days has no YYYY-MM-DD.
 */
export const SUPPORTED_DATES = { from: '1900-01-01', to: '2199-12-31' } as const;

/** True when `date` is a strict 'YYYY-MM-DD' that names a real calendar day in SUPPORTED_DATES: what input may be. */
export function isIsoDate(date: string): boolean {
  return isCalendarDate(date) && date >= SUPPORTED_DATES.from && date <= SUPPORTED_DATES.to;
}

/** True when `date` is a strict 'YYYY-MM-DD' that names a real calendar day (any four-digit year). */
function isCalendarDate(date: string): boolean {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) return false;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return m >= 1 && m <= 12 && d >= 1 && d <= days;
}

function assertIsoDate(date: string): void {
  if (!isCalendarDate(date)) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
}

function assertInHolidayData(date: IsoDate): void {
  const year = Number(date.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(
      `${date} is outside the Japanese holiday data (${FIRST_YEAR}–${LAST_YEAR}); update @holiday-jp/holiday_jp`,
    );
  }
}

/** The Japanese public holiday on `date` (incl. 振替休日 and 国民の休日), or undefined; throws outside the data's years. */
export function japaneseHoliday(date: IsoDate): { name: string; nameEn: string } | undefined {
  assertIsoDate(date);
  const entry = holidayEntry(date);
  return entry ? { name: entry.name, nameEn: entry.name_en } : undefined;
}

function holidayEntry(date: IsoDate): HolidayEntry | undefined {
  assertInHolidayData(date);
  return Object.hasOwn(HOLIDAYS, date) ? HOLIDAYS[date] : undefined;
}

/** Is `date` in the year-end closure of government offices (29 December – 3 January)? */
const isYearEndClosure = (date: IsoDate): boolean => {
  const md = date.slice(5);
  return md >= '12-29' || md <= '01-03';
};

/** The holiday's name on `date` under the department's calendar (Japanese, as the data has it), or undefined. */
export function holidayNameOf(
  cal: Pick<DepartmentCalendar, 'holidays'>,
  date: IsoDate,
): string | undefined {
  if (cal.holidays === 'none') return undefined;
  const name = japaneseHoliday(date)?.name;
  if (name) return name;
  return cal.holidays === 'jp-gov' && isYearEndClosure(date) ? YEAR_END_NAME : undefined;
}
const YEAR_END_NAME = '年末年始';

/** True when `date` is a Japanese public holiday (incl. 振替休日 and 国民の休日); throws outside the data's years. */
export function isJapaneseHoliday(date: IsoDate): boolean {
  return japaneseHoliday(date) !== undefined;
}

// Proleptic Gregorian day arithmetic on 'YYYY-MM-DD' strings (Hinnant's days-from-civil): a
// calendar date's weekday and successor are the same in every zone, and this never consults the
// process's zone. luxon anchors the first date in the department's zone. (A date a zone skipped
// outright — Samoa's 2011-12-30 — still counts as a calendar date here.)
function epochDay(date: IsoDate): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function dateOfEpochDay(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const zones = new Map<string, boolean>();
/** Whether a zone name is valid, asked of Intl once a name (luxon's check builds a formatter each time). */
export function isZone(zone: string): boolean {
  let valid = zones.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (zones.size < 1000) zones.set(zone, valid);
  }
  return valid;
}

/**
 * The ISO weekday (1 = Monday … 7 = Sunday) of a calendar date: the same in every zone (the
 * argument is kept for the callers that name theirs). Counted from 1970-01-01, a Thursday.
 */
export function isoWeekday(date: IsoDate, _timezone?: string): number {
  assertIsoDate(date);
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** The ISO week ('kkkk-Www') a calendar date belongs to. */
export function isoWeekKey(date: IsoDate, timezone = 'UTC'): string {
  assertIsoDate(date);
  return DateTime.fromISO(date, { zone: timezone }).toFormat("kkkk-'W'WW");
}

/** A number that grows by one from each ISO week (Monday–Sunday) to the next; equal within a week. */
export function isoWeekIndex(date: IsoDate): number {
  assertIsoDate(date);
  // Day 0 (1970-01-01) was a Thursday, so Monday 1969-12-29 starts week 0.
  return Math.floor((epochDay(date) + 3) / 7);
}

/** Why the department does not work on `date`, or undefined when it is a working day. */
export function nonWorkingReason(
  cal: DepartmentCalendar,
  date: IsoDate,
): 'weekday' | 'holiday' | 'closed' | undefined {
  if (!cal.workdays.includes(isoWeekday(date, cal.timezone))) return 'weekday';
  if (cal.closedDates.includes(date)) return 'closed';
  if (cal.holidays !== 'none' && holidayNameOf(cal, date) !== undefined) return 'holiday';
  return undefined;
}

/** True when the department works on `date` (a working weekday, not a holiday, not a closed date). */
export function isWorkingDay(cal: DepartmentCalendar, date: IsoDate): boolean {
  return nonWorkingReason(cal, date) === undefined;
}

/** Each calendar date from `from` to `to` inclusive with its ISO weekday; luxon anchors the first in `timezone`. */
function datesWithWeekday(
  from: IsoDate,
  to: IsoDate,
  timezone: string,
): { date: IsoDate; weekday: number }[] {
  assertIsoDate(from);
  assertIsoDate(to);
  if (!isZone(timezone)) throw new RangeError(`"${timezone}" is not an IANA time zone`);
  // The first date's weekday as isoWeekday keeps it (a DateTime a call was most of a one-day
  // schedule's time: the organisation board asks each department's day).
  const first = isoWeekday(from, timezone);
  const start = epochDay(from);
  const out: { date: IsoDate; weekday: number }[] = [];
  for (let n = start, last = epochDay(to); n <= last; n++) {
    out.push({ date: dateOfEpochDay(n), weekday: ((first - 1 + n - start) % 7) + 1 });
  }
  return out;
}

/** Every calendar date from `from` to `to` inclusive, in order (empty when from > to). */
export function calendarDates(from: IsoDate, to: IsoDate, timezone = 'UTC'): IsoDate[] {
  return datesWithWeekday(from, to, timezone).map((d) => d.date);
}

// Working dates per (calendar, window), kept for a while: an organisation's report, a rotation's
// plan, survivability and every feed of a department ask the same calendar for the same year.
const workingDaysKept = new Map<string, readonly IsoDate[]>();

/** The department's working dates from `from` to `to` inclusive: working weekdays minus holidays and closed dates. */
export function workingDays(cal: DepartmentCalendar, from: IsoDate, to: IsoDate): IsoDate[] {
  const key = JSON.stringify([cal.timezone, cal.workdays, cal.holidays, cal.closedDates, from, to]);
  let dates = workingDaysKept.get(key);
  if (!dates) {
    dates = computeWorkingDays(cal, from, to);
    if (workingDaysKept.size >= 256) workingDaysKept.delete(workingDaysKept.keys().next().value!);
    workingDaysKept.set(key, dates);
  }
  return dates.slice();
}

function computeWorkingDays(cal: DepartmentCalendar, from: IsoDate, to: IsoDate): IsoDate[] {
  const closed = new Set(cal.closedDates);
  const workdays = new Set(cal.workdays);
  const out: IsoDate[] = [];
  for (const { date, weekday } of datesWithWeekday(from, to, cal.timezone)) {
    if (!workdays.has(weekday) || closed.has(date)) continue;
    if (cal.holidays !== 'none' && holidayNameOf(cal, date) !== undefined) continue;
    out.push(date);
  }
  return out;
}
